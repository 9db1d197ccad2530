#!/usr/bin/env python3
"""PyTorch counterpart of Noether's mean-field SGD benchmark (noether-bench, MeanFieldBenchmark: `noether bench meanfield`).

Same model and step as the Java trainer on the paper's setting: N units sigma(z_i x) with z_i a 2x2 matrix,
Phi(x) = mean_i sigmoid(z_i x), a vanilla mean-field SGD step on a fresh batch of 20 inputs x ~ N(0, 16 I) labelled
by a 5-particle teacher, step alpha / N, L2 penalty tau, Langevin noise sqrt(2 alpha beta / N) projected onto
E^G = span{I, P}. Gradients are written out by hand (no autograd), as in the Java code, so both do the same work.

Prints one line per size: "steps_per_second N=<n> <value>". Exit code 3 when torch is missing.
"""
import argparse
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,500,5000")
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64")
    args = parser.parse_args()
    try:
        import torch
    except ImportError:
        print("torch is not installed", file=sys.stderr)
        return 3
    torch.set_num_threads(args.threads)
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    gen = torch.Generator().manual_seed(1)
    alpha, tau, beta, batch = 50.0, 1e-4, 1e-6, 20
    teacher = 0.5 * torch.tensor([[2.0, -1.0, 0.5, 1.0], [-1.5, 0.5, 2.0, -0.5], [1.0, 2.0, -1.0, 0.0],
                                  [0.0, -2.0, 1.5, 2.0], [-2.0, 1.0, -0.5, -1.5]], dtype=dtype).view(5, 2, 2)
    basis = torch.tensor([[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0]], dtype=dtype) / 2 ** 0.5  # E^G, orthonormal

    for n in [int(s) for s in args.sizes.split(",")]:
        z = (0.25 * torch.randn(n, 4, generator=gen, dtype=dtype)) @ basis.T @ basis  # SI initialization
        z = z.view(n, 2, 2)
        step = alpha / n
        noise_scale = (2 * alpha * beta / n) ** 0.5

        def one_step():
            nonlocal z
            x = 4.0 * torch.randn(batch, 2, generator=gen, dtype=dtype)
            y = torch.sigmoid(torch.einsum("mrc,bc->bmr", teacher, x)).mean(dim=1)  # B x 2
            s = torch.sigmoid(torch.einsum("irc,bc->bir", z, x))  # B x N x 2
            phi = s.mean(dim=1)  # B x 2
            up = (phi - y) / batch  # B x 2
            a = up[:, None, :] * s * (1 - s)  # B x N x 2
            grad = torch.einsum("bir,bc->irc", a, x) + tau * z
            xi = torch.randn(n, 2, generator=gen, dtype=dtype) @ basis
            z = z - step * grad + noise_scale * xi.view(n, 2, 2)

        for _ in range(20):
            one_step()
        steps, start = 0, time.perf_counter()
        while time.perf_counter() - start < args.seconds:
            for _ in range(10):
                one_step()
            steps += 10
        rate = steps / (time.perf_counter() - start)
        print(f"steps_per_second N={n} {rate:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""PyTorch counterpart of noether-bench's CnnTrainingBenchmark: the same small CNN, one training step
(batch of 64 random 28x28 images, forward, cross-entropy, backward, Adam) on one CPU thread.

Run by `noether bench cnn` as its baseline; by hand: python3 noether-bench/src/main/python/cnn_train_pytorch.py [--batch 64] [--seconds 10] [--threads 1]
Needs PyTorch (Debian: python3-torch).
"""
import argparse
import time

import torch
from torch import nn


def small_cnn(classes: int = 10) -> nn.Module:
    # conv 3x3 (16) - relu - maxpool 2 - conv 3x3 (32) - relu - maxpool 2 - dense 64 - relu - dense classes
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(32 * 7 * 7, 64), nn.ReLU(), nn.Linear(64, classes))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(2)
    model = small_cnn()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(args.batch, 1, 28, 28)
    y = torch.randint(0, 10, (args.batch,))

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()

    for _ in range(50):  # warm-up
        step()
    steps, start = 0, time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        step()
        steps += 1
    elapsed = time.perf_counter() - start
    print(f"{1000 * elapsed / steps:.3f} ms/step, {steps * args.batch / elapsed:.0f} images/s "
          f"(batch {args.batch}, {args.threads} thread(s), torch {torch.__version__})")


if __name__ == "__main__":
    main()

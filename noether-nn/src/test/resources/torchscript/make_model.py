"""Writes the tiny test models of org.noether.nn.imported: tiny_cnn.pt (TorchScript), tiny_cnn.onnx and the
sidecar tiny_cnn.json. Run once with any PyTorch (made with Debian's python3-torch 1.13.1):

    python3 make_model.py

The network is a small CNN from 1x8x8 images to 5 logits, with random (seeded) weights and a dense layer after
the convolution, so it is far from invariant to rotations and flips: the tests check that the wrappers, not the
model, make it invariant. The committed files are what the tests use; nothing here runs during the build.
"""
import json

import torch


class TinyCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(1, 4, kernel_size=3, padding=1)
        self.dense = torch.nn.Linear(4 * 8 * 8, 5)

    def forward(self, x):
        h = torch.relu(self.conv(x))
        return self.dense(h.flatten(1))


def main():
    torch.manual_seed(20261204)
    model = TinyCnn().eval()
    example = torch.rand(2, 1, 8, 8)
    traced = torch.jit.trace(model, example)
    traced.save("tiny_cnn.pt")
    torch.onnx.export(model, example, "tiny_cnn.onnx", input_names=["images"], output_names=["logits"],
                      dynamic_axes={"images": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
    with open("tiny_cnn.json", "w") as f:
        json.dump({"input": [1, 8, 8], "mean": [0.5], "std": [0.25]}, f)
        f.write("\n")
    # a reference output, to check that DJL computes what PyTorch computes
    probe = torch.arange(64, dtype=torch.float32).reshape(1, 1, 8, 8) / 64.0
    with torch.no_grad():
        print("reference logits:", [round(v, 6) for v in model(probe)[0].tolist()])


if __name__ == "__main__":
    main()

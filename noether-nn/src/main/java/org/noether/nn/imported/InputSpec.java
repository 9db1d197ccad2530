package org.noether.nn.imported;

import ai.djl.ndarray.types.Shape;
import ai.djl.util.JsonUtils;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.noether.experiment.NoetherUserException;

/**
 * What an imported image model expects: the shape of one input {@code [C, H, W]} and the per-channel
 * normalization {@code (pixel / 255 - mean[c]) / std[c]}. Given as flags or read from a sidecar JSON file next to
 * the model ({@code model.pt} -> {@code model.json}):
 *
 * <pre>{@code
 * {"input": [1, 28, 28], "mean": [0.1307], "std": [0.3081]}
 * }</pre>
 *
 * <p>A mean or std of one value applies to every channel.
 *
 * @param shape one input's shape, {@code [C, H, W]}
 * @param mean  per channel (length C)
 * @param std   per channel (length C), all > 0
 */
public record InputSpec(Shape shape, float[] mean, float[] std) {

    public InputSpec {
        if (shape.dimension() != 3) {
            throw new IllegalArgumentException("an image input shape is [C, H, W], got " + shape);
        }
        int c = (int) shape.get(0);
        mean = expand(mean, c, "mean");
        std = expand(std, c, "std");
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be > 0, got " + Arrays.toString(std));
            }
        }
    }

    /** Inputs in [0, 1] (pixel / 255) without further normalization. */
    public static InputSpec unnormalized(Shape shape) {
        return new InputSpec(shape, new float[] {0f}, new float[] {1f});
    }

    private static float[] expand(float[] v, int channels, String what) {
        if (v == null || v.length == 0) {
            float[] d = new float[channels];
            Arrays.fill(d, what.equals("std") ? 1f : 0f);
            return d;
        }
        if (v.length == 1 && channels > 1) {
            float[] d = new float[channels];
            Arrays.fill(d, v[0]);
            return d;
        }
        if (v.length != channels) {
            throw new IllegalArgumentException(what + " has " + v.length + " values for " + channels
                    + " channels; give one value or one per channel");
        }
        return v.clone();
    }

    /** The sidecar of a model file: same name with {@code .json}, if it exists. */
    public static Optional<Path> sidecar(Path model) {
        String n = model.getFileName().toString();
        int dot = n.lastIndexOf('.');
        Path p = model.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".json");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Reads a sidecar file; errors name the file and what is wrong. */
    public static InputSpec read(Path json) {
        try {
            JsonObject o = JsonUtils.GSON.fromJson(Files.readString(json), JsonObject.class);
            if (o == null || !o.has("input")) {
                throw new NoetherUserException(json + ": needs an \"input\" array [C, H, W], e.g. "
                        + "{\"input\": [1, 28, 28], \"mean\": [0.1307], \"std\": [0.3081]}");
            }
            long[] dims = new long[o.getAsJsonArray("input").size()];
            int i = 0;
            for (JsonElement e : o.getAsJsonArray("input")) {
                dims[i++] = e.getAsLong();
            }
            return new InputSpec(new Shape(dims), floats(o, "mean"), floats(o, "std"));
        } catch (IOException e) {
            throw new NoetherUserException("cannot read " + json + ": " + e.getMessage());
        } catch (JsonParseException
                | IllegalStateException
                | ClassCastException
                | NumberFormatException
                | UnsupportedOperationException e) {
            throw new NoetherUserException(json + " is not a valid input description: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new NoetherUserException(json + ": " + e.getMessage());
        }
    }

    private static float[] floats(JsonObject o, String key) {
        if (!o.has(key)) {
            return null;
        }
        JsonElement e = o.get(key);
        if (e.isJsonPrimitive()) {
            return new float[] {e.getAsFloat()};
        }
        float[] v = new float[e.getAsJsonArray().size()];
        int i = 0;
        for (JsonElement x : e.getAsJsonArray()) {
            v[i++] = x.getAsFloat();
        }
        return v;
    }

    /** Channels, height, width of images as given, checked against this spec. */
    public void check(int channels, int height, int width, String source) {
        if (channels != shape.get(0) || height != shape.get(1) || width != shape.get(2)) {
            throw new NoetherUserException("the model expects inputs of shape [N, " + ImportedModel.dims(shape)
                    + "], the images of " + source + " are [N, " + channels + ", " + height + ", " + width + "]");
        }
    }

    /**
     * Normalized float inputs from 8-bit pixels laid out sample-major in {@code [N, C, H, W]} order.
     */
    public float[] normalize(byte[] pixels) {
        int c = (int) shape.get(0);
        int plane = (int) (shape.get(1) * shape.get(2));
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            int ch = (i / plane) % c;
            out[i] = ((pixels[i] & 0xff) / 255f - mean[ch]) / std[ch];
        }
        return out;
    }
}

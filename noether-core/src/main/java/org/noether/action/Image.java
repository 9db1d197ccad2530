package org.noether.action;

import java.util.Arrays;

/**
 * An image of {@code height x width x channels} values, stored row-major in HWC order: the value of channel c at
 * row i, column j is {@code data[(i * width + j) * channels + c]}. Row 0 is the top of the picture.
 */
public record Image(int height, int width, int channels, float[] data) {
    public Image {
        if (height < 1 || width < 1 || channels < 1)
            throw new IllegalArgumentException(
                    "image shape must be positive, got " + height + "x" + width + "x" + channels);
        if (data.length != height * width * channels)
            throw new IllegalArgumentException("image " + height + "x" + width + "x" + channels + " needs "
                    + height * width * channels + " values, got " + data.length);
    }

    public static Image zeros(int height, int width, int channels) {
        return new Image(height, width, channels, new float[height * width * channels]);
    }

    public float get(int i, int j, int c) {
        return data[(i * width + j) * channels + c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image m
                && m.height == height
                && m.width == width
                && m.channels == channels
                && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + height * 7 + width;
    }

    @Override
    public String toString() {
        return "Image[" + height + "x" + width + "x" + channels + "]";
    }
}

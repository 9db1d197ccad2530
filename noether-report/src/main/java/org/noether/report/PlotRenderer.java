package org.noether.report;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.noether.experiment.Figure;

/**
 * Draws a {@link Figure} as a PNG bitmap or as SVG text, with the same layout in both: axes with ticks
 * (linear or logarithmic), grid, legend, error bars or bands, and line, scatter or bar marks. Points that
 * cannot be drawn (NaN, infinite, non-positive on a log axis) are skipped; an empty figure still renders.
 * Runs headless. The charts are drawn by JFreeChart ({@link Charts} lays them out), the SVG by JFreeSVG.
 *
 * <pre>{@code
 * Figure f = Figure.builder("loss", Figure.Kind.LINE).caption("Training loss").xLabel("epoch").yLabel("loss")
 *         .logY().series(Series.of("train", epochs, losses)).build();
 * PlotRenderer.writePng(f, dir.resolve("loss.png"));
 * String svg = PlotRenderer.svg(f, 800, 500);
 * }</pre>
 */
public final class PlotRenderer {

    static {
        // Must run before java.awt.Color is first loaded, because that fixes the headless decision.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Default image width in pixels. */
    public static final int DEFAULT_WIDTH = 800;
    /** Default image height in pixels. */
    public static final int DEFAULT_HEIGHT = 500;

    private PlotRenderer() {}

    /** Paints {@code figure} into a new RGB image of the given size (each side 50 to 10000 pixels). */
    public static BufferedImage image(Figure figure, int width, int height) {
        checkSize(width, height);
        return Charts.chart(figure, width, height).createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    }

    /** {@link #image} encoded as PNG bytes. */
    public static byte[] png(Figure figure, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(figure, width, height), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A standalone SVG document (UTF-8 XML) of the given size. */
    public static String svg(Figure figure, int width, int height) {
        checkSize(width, height);
        JFreeChart chart = Charts.chart(figure, width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // A fixed prefix for the ids of gradients and clips: same figure, same file.
        g.setDefsKeyPrefix("noether-" + figure.name() + "-");
        chart.draw(g, new Rectangle(0, 0, width, height));
        // The element alone, without the DOCTYPE that points to a DTD a reader would otherwise try to fetch.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
    }

    /** Writes a PNG of the default size. */
    public static void writePng(Figure figure, Path file) throws IOException {
        Files.write(file, png(figure, DEFAULT_WIDTH, DEFAULT_HEIGHT));
    }

    /** Writes an SVG of the default size. */
    public static void writeSvg(Figure figure, Path file) throws IOException {
        Files.writeString(file, svg(figure, DEFAULT_WIDTH, DEFAULT_HEIGHT), StandardCharsets.UTF_8);
    }

    private static void checkSize(int width, int height) {
        if (width < 50 || height < 50 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("image size " + width + "x" + height
                    + " is not accepted; each side must be between 50 and 10000 pixels");
        }
    }
}

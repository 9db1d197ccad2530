package org.noether.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.noether.experiment.Figure;
import org.noether.experiment.Figure.Kind;
import org.noether.experiment.Series;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class PlotRendererTest {

    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    static Figure typical(Kind kind) {
        return Figure.builder("typical", kind)
                .caption("Error & loss <by> \"epoch\"")
                .xLabel("epoch")
                .yLabel("loss")
                .series(Series.withErrors(
                        "train", new double[] {1, 2, 3, 4}, new double[] {4, 3, 2.5, 2}, new double[] {
                            0.3, 0.2, 0.2, 0.1
                        }))
                .series("test", new double[] {1, 2, 3, 4}, new double[] {4.5, 3.6, 3.2, 3.1})
                .build();
    }

    /** Figures that have broken renderers before or could: every kind against awkward data. */
    static List<Figure> awkward() {
        List<Figure> figures = new ArrayList<>();
        double[][][] data = {
            {{}, {}},
            {{3}, {7}},
            {{1, 2, 3}, {5, 5, 5}},
            {{0, 0, 0}, {1, 2, 3}},
            {{NAN, INF, -INF}, {1, NAN, 2}},
            {{-2, -1, 0, 1, 2}, {-4, -1, 0, 1, 4}},
            {{1, 2, 3, 4}, {1e-300, 1e300, 1e308, -1e308}},
            {{1, 2, 3}, {1e-12, 2e-12, 3e-12}},
        };
        int i = 0;
        for (Kind kind : Kind.values()) {
            for (boolean log : new boolean[] {false, true}) {
                for (double[][] d : data) {
                    Figure.Builder b =
                            Figure.builder("f" + i++, kind).yLabel("y").xLabel("x");
                    if (log) {
                        b.logX().logY();
                    }
                    double[] err = new double[d[0].length];
                    java.util.Arrays.fill(err, 0.5);
                    figures.add(b.series("a", d[0], d[1])
                            .series(Series.withErrors("", d[0], d[1], err))
                            .build());
                }
            }
        }
        figures.add(Figure.builder("nothing", Kind.LINE).build());
        figures.add(Figure.builder("cats", Kind.BAR)
                .categories("a very long category name indeed", "b", "c")
                .series(Series.ofY("x", 1, 2, 3))
                .build());
        return figures;
    }

    @Test
    void pngIsAValidImageOfTheRequestedSize() throws IOException {
        byte[] png = PlotRenderer.png(typical(Kind.LINE), 800, 500);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(img, "ImageIO could not decode the PNG");
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(PlotRenderer.png(typical(Kind.BAR), 320, 200)));
        assertEquals(320, small.getWidth());
        assertEquals(200, small.getHeight());
    }

    @Test
    void dataIsActuallyDrawnInTheSeriesColour() {
        BufferedImage img = PlotRenderer.image(typical(Kind.SCATTER), 800, 500);
        int first = 0x0072B2;
        int hits = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs((rgb >> 16) - (first >> 16)) < 30
                        && Math.abs(((rgb >> 8) & 0xFF) - ((first >> 8) & 0xFF)) < 30
                        && Math.abs((rgb & 0xFF) - (first & 0xFF)) < 30) {
                    hits++;
                }
            }
        }
        assertTrue(hits > 50, "only " + hits + " pixels in the first series colour");
    }

    @Test
    void svgIsWellFormedXmlWithTheRightSize() throws Exception {
        for (Kind kind : Kind.values()) {
            Document doc = parse(PlotRenderer.svg(typical(kind), 800, 500));
            assertEquals("svg", doc.getDocumentElement().getTagName());
            assertEquals(800, Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
            assertEquals(500, Double.parseDouble(doc.getDocumentElement().getAttribute("height")));
        }
    }

    @Test
    void sameFigureSameSvg() {
        assertEquals(PlotRenderer.svg(typical(Kind.LINE), 800, 500), PlotRenderer.svg(typical(Kind.LINE), 800, 500));
    }

    @Test
    void svgEscapesMarkupAndDropsCharactersXmlForbids() throws Exception {
        Figure f = Figure.builder("odd", Kind.LINE)
                .caption("a < b & c > \"d\" 'e' \u0001\u0000\ud800")
                .series("<script>", new double[] {1, 2}, new double[] {1, 2})
                .build();
        String svg = PlotRenderer.svg(f, 800, 500);
        Document doc = parse(svg);
        assertTrue(doc.getDocumentElement().getTextContent().contains("a < b & c > \"d\" 'e' "));
        assertTrue(doc.getDocumentElement().getTextContent().contains("<script>"));
    }

    @Test
    void awkwardDataRendersWithoutErrors() throws Exception {
        for (Figure f : awkward()) {
            assertDoesNotThrow(() -> PlotRenderer.png(f, 400, 250), f.toString());
            String svg = assertDoesNotThrow(() -> PlotRenderer.svg(f, 400, 250), f.toString());
            parse(svg);
            assertTrue(!svg.contains("NaN") && !svg.contains("Infinity"), f + " leaked a non-finite coordinate");
        }
    }

    @Test
    void emptyFiguresSayThereIsNoData() {
        assertTrue(PlotRenderer.svg(Figure.builder("none", Kind.LINE).build(), 800, 500)
                .contains(Charts.NO_DATA));
        Figure onlyNegativeOnLog = Figure.builder("neg", Kind.SCATTER)
                .logY()
                .series("s", new double[] {1, 2}, new double[] {-1, 0})
                .build();
        assertTrue(PlotRenderer.svg(onlyNegativeOnLog, 800, 500).contains(Charts.NO_DATA));
        assertTrue(!PlotRenderer.svg(typical(Kind.LINE), 800, 500).contains(Charts.NO_DATA));
    }

    /** Every text drawn in the SVG, one string per text element (a wrapped title gives several). */
    static List<String> texts(String svg) throws Exception {
        org.w3c.dom.NodeList nodes = parse(svg).getElementsByTagNameNS("*", "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    static final String[] METHODS = {
        "pretrained (no symmetry)",
        "augmented training",
        "equitune",
        "lambda-equitune",
        "equizero",
        "canonicalized",
        "G-CNN (C4)",
        "G-CNN (D4)",
        "MLP baseline"
    };

    @Test
    void everyCategoryLabelIsDrawnWholeEvenWhenTheyAreLongAndMany() throws Exception {
        double[] x = new double[METHODS.length];
        double[] y = new double[METHODS.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 50 + i;
        }
        Figure f = Figure.builder("bars", Kind.BAR)
                .yLabel("top-1 accuracy (%)")
                .categories(METHODS)
                .series(Series.withErrors("zero-shot", x, y, y.clone()))
                .series(Series.of("fine-tuned", x, y))
                .build();
        List<String> texts = texts(PlotRenderer.svg(f, 800, 500));
        for (String m : METHODS) {
            assertTrue(texts.contains(m), "category label '" + m + "' is missing or cut; drawn: " + texts);
        }
        assertTrue(texts.contains("top-1 accuracy (%)"));
        // Short labels that fit under their group are drawn horizontally, also whole.
        Figure few = Figure.builder("few", Kind.BAR)
                .categories("MLP", "C4-CNN")
                .series(Series.ofY("t", 0.8, 0.9))
                .build();
        assertTrue(texts(PlotRenderer.svg(few, 800, 500)).containsAll(List.of("MLP", "C4-CNN")));
    }

    @Test
    void longAxisLabelsAreNeverCut() throws Exception {
        String label = "RMD to projection on E^G (values < 1e-16 shown at 1e-16)";
        Figure f = Figure.builder("rmd", Kind.LINE)
                .xLabel("N")
                .yLabel(label)
                .logX()
                .logY()
                .series("EA", new double[] {5, 10, 20}, new double[] {1e-17, 1e-16, 1e-15})
                .build();
        assertTrue(texts(PlotRenderer.svg(f, 800, 500)).contains(label));
        // Too long for the axis even in the smallest font: written out whole under the title.
        String huge = "a y label so long that it cannot fit along the axis of a small chart at any legible size at all";
        Figure g = Figure.builder("huge", Kind.LINE)
                .yLabel(huge)
                .series("s", new double[] {1, 2}, new double[] {1, 2})
                .build();
        String svg = PlotRenderer.svg(g, 400, 250);
        assertTrue(
                String.join(" ", texts(svg)).replaceAll("\\s+", " ").contains("y axis: " + huge),
                texts(svg).toString());
    }

    @Test
    void logAxesReachTheSmallestValues() {
        Figure f = Figure.builder("tiny", Kind.LINE)
                .logY()
                .series("s", new double[] {1, 2, 3}, new double[] {1e-17, 1e-9, 1e-3})
                .build();
        org.jfree.chart.plot.XYPlot plot =
                (org.jfree.chart.plot.XYPlot) Charts.chart(f, 800, 500).getPlot();
        assertTrue(
                plot.getRangeAxis().getLowerBound() <= 1e-17,
                "axis starts at " + plot.getRangeAxis().getLowerBound());
        assertTrue(plot.getRangeAxis().getUpperBound() >= 1e-3);
        // Bars on a log axis: the axis spans the data, not everything down to the smallest double.
        Figure bars = Figure.builder("tiny-bars", Kind.BAR)
                .logY()
                .categories("C4", "D4")
                .series(Series.withErrors(
                        "e", new double[] {0, 1}, new double[] {1e-16, 1e-3}, new double[] {2e-16, 1e-4}))
                .build();
        org.jfree.chart.plot.CategoryPlot cp =
                (org.jfree.chart.plot.CategoryPlot) Charts.chart(bars, 800, 500).getPlot();
        double lower = cp.getRangeAxis().getLowerBound();
        assertTrue(lower <= 1e-16 && lower >= 1e-18, "bar axis starts at " + lower);
    }

    @Test
    void logAxesSkipNonPositiveValuesButDrawTheRest() {
        Figure f = Figure.builder("mixed", Kind.SCATTER)
                .logY()
                .series("s", new double[] {1, 2, 3, 4}, new double[] {-1, 0, 10, 100})
                .build();
        org.jfree.chart.plot.XYPlot plot =
                (org.jfree.chart.plot.XYPlot) Charts.chart(f, 800, 500).getPlot();
        org.jfree.data.xy.XYDataset d = plot.getDataset(0);
        int drawn = 0;
        for (int i = 0; i < d.getItemCount(0); i++) {
            drawn += Double.isNaN(d.getYValue(0, i)) ? 0 : 1;
        }
        assertEquals(2, drawn);
    }

    @Test
    void linesBreakAtMissingValues() {
        Figure f = Figure.builder("gap", Kind.LINE)
                .series("s", new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 2, NAN, 4, 5, 6})
                .build();
        org.jfree.chart.plot.XYPlot plot =
                (org.jfree.chart.plot.XYPlot) Charts.chart(f, 800, 500).getPlot();
        org.jfree.data.xy.XYDataset d = plot.getDataset(0);
        // Five points and one gap marker between the two runs.
        assertEquals(6, d.getItemCount(0));
        assertTrue(Double.isNaN(d.getYValue(0, 2)));
    }

    @Test
    void rejectsUnreasonableSizes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PlotRenderer.png(typical(Kind.LINE), 10, 500));
        assertEquals(
                "image size 10x500 is not accepted; each side must be between 50 and 10000 pixels", e.getMessage());
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, ""); // never fetch a DTD
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}

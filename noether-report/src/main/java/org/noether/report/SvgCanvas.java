package org.noether.report;

import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

/** Writes the drawing as SVG 1.1 text. */
final class SvgCanvas implements Canvas {

    private static final String FONT_FAMILY = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif";

    private final StringBuilder sb = new StringBuilder();
    private final String idPrefix;
    private int clips;
    private boolean clipped;

    /** @param idPrefix makes clip-path ids unique when several SVGs share one HTML page */
    SvgCanvas(int width, int height, String idPrefix) {
        this.idPrefix = idPrefix.replaceAll("[^A-Za-z0-9_-]", "_");
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"").append(FONT_FAMILY).append("\">\n");
    }

    /** Closes the document and returns it. */
    String finish() {
        unclip();
        return sb.append("</svg>\n").toString();
    }

    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private void paint(String attribute, Color c) {
        sb.append(' ').append(attribute).append("=\"").append(hex(c)).append('"');
        if (c.getAlpha() < 255) {
            sb.append(' ').append(attribute).append("-opacity=\"").append(num(c.getAlpha() / 255.0)).append('"');
        }
    }

    private void strokeAttrs(Color c, double width) {
        paint("stroke", c);
        sb.append(" stroke-width=\"").append(num(width)).append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Color fill) {
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append('"');
        paint("fill", fill);
        sb.append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Color stroke, double width) {
        sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"none\"");
        paint("stroke", stroke);
        sb.append(" stroke-width=\"").append(num(width)).append("\"/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Color stroke, double width) {
        sb.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append('"');
        strokeAttrs(stroke, width);
        sb.append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, Color stroke, double width) {
        if (n < 2) {
            return;
        }
        sb.append("<polyline fill=\"none\" points=\"");
        points(xs, ys, n);
        sb.append('"');
        strokeAttrs(stroke, width);
        sb.append("/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n, Color fill) {
        if (n < 3) {
            return;
        }
        sb.append("<polygon points=\"");
        points(xs, ys, n);
        sb.append('"');
        paint("fill", fill);
        sb.append("/>\n");
    }

    private void points(double[] xs, double[] ys, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Color stroke, double strokeWidth) {
        sb.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append('"');
        if (fill != null) {
            paint("fill", fill);
        } else {
            sb.append(" fill=\"none\"");
        }
        if (stroke != null) {
            paint("stroke", stroke);
            sb.append(" stroke-width=\"").append(num(strokeWidth)).append('"');
        }
        sb.append("/>\n");
    }

    @Override
    public void text(String text, double x, double y, Font font, Color color, Align align, boolean vertical) {
        if (text.isEmpty()) {
            return;
        }
        sb.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(font.getSize2D())).append('"');
        if (font.isBold()) {
            sb.append(" font-weight=\"bold\"");
        }
        if (align != Align.START) {
            sb.append(" text-anchor=\"").append(align == Align.MIDDLE ? "middle" : "end").append('"');
        }
        if (vertical) {
            sb.append(" transform=\"rotate(-90 ").append(num(x)).append(' ').append(num(y)).append(")\"");
        }
        paint("fill", color);
        sb.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        String id = idPrefix + "-clip" + (++clips);
        sb.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            sb.append("</g>\n");
            clipped = false;
        }
    }

    /** Escapes markup characters and drops characters XML 1.0 forbids, so any label yields a well-formed document. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD)
                            || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)));
                    if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                        allowed = true;
                    }
                    if (allowed) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

package org.noether.latent;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes grids of grey pictures as PNG files: cells[row][column], each a flat {@code size x size} array in [0, 1]. */
final class Grids {
    private Grids() {}

    static final int GAP = 2;

    static void write(Path file, List<float[][]> rows, int size, int scale) throws IOException {
        int columns = rows.get(0).length;
        int cell = size * scale;
        int width = columns * cell + (columns + 1) * GAP, height = rows.size() * cell + (rows.size() + 1) * GAP;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int background = 0x80;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++) img.getRaster().setSample(x, y, 0, background);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                float[] p = rows.get(r)[c];
                int x0 = GAP + c * (cell + GAP), y0 = GAP + r * (cell + GAP);
                for (int i = 0; i < cell; i++)
                    for (int j = 0; j < cell; j++) {
                        float v = p == null ? 0.5f : p[(i / scale) * size + j / scale];
                        int g = Math.round(Math.max(0, Math.min(1, v)) * 255);
                        img.getRaster().setSample(x0 + j, y0 + i, 0, g);
                    }
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer available");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

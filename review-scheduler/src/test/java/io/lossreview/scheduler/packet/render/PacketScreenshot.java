package io.lossreview.scheduler.packet.render;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the full sample packet to PDF and writes page images, for the README (page 1) and for
 * checking the layout by eye. Not a test: run it by hand from the module directory.
 *
 * <p>Arguments: output PNG of page 1 (default {@code ../docs/packet-first-page.png}), then optionally
 * a folder that receives every page as {@code page-N.png} and the PDF itself.
 */
public final class PacketScreenshot {

    private static final int README_DPI = 110;

    private PacketScreenshot() {
    }

    public static void main(String[] args) throws IOException {
        Path firstPage = Path.of(args.length > 0 ? args[0] : "../docs/packet-first-page.png");
        byte[] pdf = new PacketRenderer().pdf(PacketSamples.full(), PacketRenderer.PaperSize.A4);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            Files.createDirectories(firstPage.toAbsolutePath().getParent());
            ImageIO.write(renderer.renderImageWithDPI(0, README_DPI), "png", firstPage.toFile());
            if (args.length > 1) {
                Path folder = Files.createDirectories(Path.of(args[1]));
                Files.write(folder.resolve("packet.pdf"), pdf);
                for (int page = 0; page < document.getNumberOfPages(); page++) {
                    ImageIO.write(renderer.renderImageWithDPI(page, 80), "png",
                            folder.resolve("page-" + (page + 1) + ".png").toFile());
                }
            }
            System.out.println("Wrote " + firstPage.toAbsolutePath() + " (" + document.getNumberOfPages() + " pages)");
        }
    }
}

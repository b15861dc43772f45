package org.perflink.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CJK font the PDF report embeds (a subset of it). PerfLink ships no font: it uses one a Debian package installs,
 * found at run time, or one configured by path. Order: the path given (a command's {@code --font}), the system
 * property {@value #PROPERTY}, the environment variable {@value #ENV}, then {@link #CANDIDATES}. A TrueType font
 * ({@code .ttf}) or collection ({@code .ttc}, its first font) with CJK glyphs; OpenType fonts with CFF outlines
 * (Noto Sans CJK {@code .otf}) cannot be embedded by PDFBox.
 */
public final class ReportFont {

    public static final String PROPERTY = "perflink.report.font";
    public static final String ENV = "PERFLINK_REPORT_FONT";

    /** Fonts of Debian packages, in order: fonts-wqy-microhei, fonts-wqy-zenhei, fonts-arphic-uming, fonts-droid-fallback. */
    public static final List<String> CANDIDATES = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private ReportFont() {
    }

    /**
     * The font file to use.
     *
     * @param configured a path given by the caller, or null
     * @throws IllegalArgumentException naming the path when a configured font does not exist, or saying what to
     *         install or set when no font is found
     */
    public static Path find(String configured) {
        for (String given : new String[] {configured, System.getProperty(PROPERTY), System.getenv(ENV)}) {
            if (given != null && !given.isBlank()) {
                Path p = Path.of(given.strip());
                if (!Files.isRegularFile(p)) {
                    throw new IllegalArgumentException("报告字体不存在 (report font not found): " + p
                            + " (--font, " + PROPERTY + " or " + ENV + ")");
                }
                return p;
            }
        }
        for (String c : CANDIDATES) {
            Path p = Path.of(c);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("未找到中文字体，无法生成 PDF (no CJK font for the PDF report): install the Debian "
                + "package fonts-wqy-microhei, or set " + PROPERTY + " / " + ENV + " / --font to a .ttf or .ttc file; "
                + "the HTML report needs no font (--format html). Looked in " + CANDIDATES);
    }
}

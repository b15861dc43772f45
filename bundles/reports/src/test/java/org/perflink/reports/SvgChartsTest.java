package org.perflink.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG charts: well-formed standalone SVG, titled, escaped, drillable, no external resource, deterministic. */
class SvgChartsTest {

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyChartOfTheYearIsStandaloneTitledSvg() throws Exception {
        YearFigures f = new YearFixture().figures(null);
        for (Chart c : YearCharts.of(f)) {
            String svg = SvgCharts.svg(c);
            Document d = parse(svg);
            Element root = d.getDocumentElement();
            assertEquals("svg", root.getLocalName(), c.id());
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
            Element title = (Element) root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0);
            assertEquals(root.getAttribute("aria-labelledby"), title.getAttribute("id"));
            assertTrue(title.getTextContent().contains(c.title()), c.id());
            assertFalse(svg.contains("<script") || svg.contains("href") || svg.contains("url(")
                    || svg.contains("@font-face") || svg.contains("http://") && !svg.contains("xmlns=\"http://www.w3.org/2000/svg\""),
                    c.id() + ": " + svg);
            assertEquals(svg, SvgCharts.svg(c), "deterministic");
        }
    }

    @Test
    void barsCarryTheirDrillTargetAndValues() throws Exception {
        YearFigures f = new YearFixture().figures(null);
        String svg = SvgCharts.svg(YearCharts.of(f, "warnings-dept"));
        Document d = parse(svg);
        NodeList groups = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<String> drills = new java.util.ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            drills.add(((Element) groups.item(i)).getAttribute("data-drill"));
        }
        assertTrue(drills.contains("dept:101") && drills.contains("dept:102"), drills.toString());
        assertTrue(svg.contains("教育局"), svg);
        String linkage = SvgCharts.svg(YearCharts.of(f, "linkage-dept"));
        assertTrue(linkage.contains("-3,600,000.00"), linkage);
    }

    @Test
    void textIsEscaped() throws Exception {
        Chart c = new Chart("x", "标题 <&> \"'", "title", Chart.Kind.BAR,
                List.of(new Chart.Series("数", "n", "#123456")),
                List.of(new Chart.Row("部门 <script>&", "dept:\"1\"", List.of(new BigDecimal("-2"))),
                        new Chart.Row("乙", null, List.of(BigDecimal.TEN))), "项");
        String svg = SvgCharts.svg(c);
        Document d = parse(svg);
        assertFalse(svg.contains("<script>"));
        NodeList groups = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        assertEquals("dept:\"1\"", ((Element) groups.item(0)).getAttribute("data-drill"));
        assertTrue(d.getDocumentElement().getTextContent().contains("标题 <&> \"'"));
    }

    @Test
    void emptyChartsSayNoDataAndBadChartsAreRefused() throws Exception {
        Chart empty = new Chart("e", "空", "empty", Chart.Kind.DONUT, List.of(new Chart.Series("a", "a", "#000000")),
                List.of(), "项");
        assertTrue(parse(SvgCharts.svg(empty)).getDocumentElement().getTextContent().contains("暂无数据"));
        assertThrows(IllegalArgumentException.class, () -> new Chart("b", "b", "b", Chart.Kind.STACKED,
                List.of(new Chart.Series("a", "a", "#000000"), new Chart.Series("b", "b", "#ffffff")),
                List.of(new Chart.Row("r", null, List.of(BigDecimal.ONE))), "项"));
        assertThrows(IllegalArgumentException.class, () -> new Chart.Series("a", "a", "red"));
        assertThrows(IllegalArgumentException.class, () -> YearCharts.of(new YearFixture().figures(null), "pie"));
    }
}

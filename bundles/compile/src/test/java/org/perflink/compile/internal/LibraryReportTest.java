package org.perflink.compile.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perflink.api.rules.RulePack;

class LibraryReportTest {

    @Test
    void showsEachLevelsEntriesAndTheFileTheyComeFrom(@TempDir Path dir) throws IOException {
        Path base = dir.resolve("base.json");
        Path city = dir.resolve("city.json");
        Files.writeString(base, "{\"version\": 2, \"entries\": {\"2050202\": [{\"name\": \"改造学校数量\", \"unit\": \"所\"}],"
                + " \"COMMON\": [{\"name\": \"满意度\", \"unit\": \"%\"}]}}");
        Files.writeString(city, "{\"version\": 2, \"entries\": {\"205\": [{\"name\": \"新增学位数\", \"unit\": \"个\","
                + " \"standard\": {\"operator\": \"GE\", \"value\": \"500\"}, \"history\": \"640\"}]}}");
        RulePack pack = new RulePack("440100", "1", Map.of("library.file", city.toString()), RulePack.DEFAULT);

        String out = LibraryReport.show("440100", "2050202", null, pack, base);
        assertTrue(out.contains("层级 (level) 2050202:\n  改造学校数量  单位 (unit) 所  适用 (scope) PROJECT  来源 (from) "
                + base), out);
        assertTrue(out.contains("层级 (level) 205:\n  新增学位数  单位 (unit) 个  适用 (scope) PROJECT  标准值 (standard) GE 500"
                + "  历史值 (history) 640  来源 (from) " + city), out);
        assertTrue(out.contains(city + "  ← library.file of 440100@1"), out);
        assertTrue(out.contains("层级 (level) COMMON"), out);

        String one = LibraryReport.show("440100", "2050202", "新增学位数", pack, base);
        assertTrue(one.contains("新增学位数") && !one.contains("改造学校数量"), one);
        assertTrue(LibraryReport.show("440100", "2050202", "不存在", pack, base).contains("no entry named 不存在"));

        Files.writeString(city, "{\"version\": 2, \"entries\": {\"205\": [{\"name\": \"新增学位数\"}]}}");
        String broken = LibraryReport.show("440100", "2050202", null, pack, base);
        assertTrue(broken.contains("cannot be read") && broken.contains("unit is required"), broken);
    }
}

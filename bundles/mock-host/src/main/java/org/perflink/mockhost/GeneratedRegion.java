package org.perflink.mockhost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A synthetic region for scale runs: {@code n} realistic projects made on demand from (seed, index), so
 * 100 000 projects cost a few hundred kilobytes, not 100 000 JSON trees. The same seed always gives the
 * same items. Each project has 10 indicators (a cost, six outputs, two benefits, a satisfaction); about
 * 18 % carry one defect that a compile rule should catch (no target, a target lagging the budget, a
 * department RETURN, a missing satisfaction indicator, weights summing to 100, a value {@code 约N}, a cost
 * above the budget, a missing ex-ante assessment, approve/publish dates out of step, a duplicate indicator
 * code, a blank goal, a RANGE with min > max). Budgets are all at PUBLISHED.
 *
 * <p>Execution snapshots are made for any {@code asOf} of the year (execution lagging, indicator progress
 * behind, qualitative C/D grades, a zero budget, and 2.5 % of projects without a snapshot), evaluation
 * inputs for every project, and 12 departments' inputs. Scripted events: the four COMPILE phases, EXECUTE
 * MONITOR at {@code Y-07-31} and {@code Y-09-30}, CLOSE EVALUATE and CLOSE LINK, all region-wide.
 */
public final class GeneratedRegion implements RegionData {

    private static final int DEPARTMENTS = 12;

    private record Dept(String province, String city, String functionCode, String[] stems, String[][] quantities,
            String[] benefit, String satisfaction) {
    }

    private static final Dept[] DEPTS = {
        new Dept("省教育厅", "市教育局", "2050202", new String[] {"义务教育薄弱环节改善", "学前教育资助", "职业院校实训基地建设"},
                new String[][] {{"改造学校数量", "所"}, {"培训教师人数", "人次"}, {"资助学生人数", "人"}},
                new String[] {"受益学生人数", "人"}, "学生及家长满意度"),
        new Dept("省卫生健康委", "市卫生健康委", "2100408", new String[] {"基本公共卫生服务补助", "基层医疗卫生机构能力建设", "重大传染病防控"},
                new String[][] {{"建设标准化卫生院数量", "个"}, {"培训基层医务人员", "人次"}, {"家庭医生签约人数", "人"}},
                new String[] {"服务居民人次", "人次"}, "服务对象满意度"),
        new Dept("省交通运输厅", "市交通运输局", "2140106", new String[] {"农村公路提级改造", "国省道路面修复", "公路安全生命防护工程"},
                new String[][] {{"改造农村公路里程", "公里"}, {"修复路面面积", "万平方米"}, {"安装护栏长度", "公里"}},
                new String[] {"沿线受益群众", "人"}, "沿线群众满意度"),
        new Dept("省农业农村厅", "市农业农村局", "2130153", new String[] {"高标准农田建设", "农村人居环境整治", "种业振兴行动"},
                new String[][] {{"新建高标准农田面积", "万亩"}, {"改造农村户厕", "户"}, {"推广良种面积", "万亩"}},
                new String[] {"受益农户数", "户"}, "农户满意度"),
        new Dept("省水利厅", "市水务局", "2130306", new String[] {"中小河流治理", "农村供水保障", "小型水库除险加固"},
                new String[][] {{"治理河长", "公里"}, {"新建供水工程", "处"}, {"除险加固水库", "座"}},
                new String[] {"受益人口", "万人"}, "受益群众满意度"),
        new Dept("省科技厅", "市科技局", "2060203", new String[] {"重点领域研发计划", "科技创新平台建设", "科技成果转化"},
                new String[][] {{"支持研发项目数", "项"}, {"新建创新平台", "个"}, {"转化科技成果", "项"}},
                new String[] {"申请发明专利", "件"}, "项目承担单位满意度"),
        new Dept("省民政厅", "市民政局", "2081002", new String[] {"居家养老服务补助", "困难群众救助", "社区养老服务设施建设"},
                new String[][] {{"服务老年人数", "人"}, {"救助困难群众", "人"}, {"新建社区养老服务站", "个"}},
                new String[] {"覆盖街道（乡镇）", "个"}, "服务对象满意度"),
        new Dept("省人力资源社会保障厅", "市人力资源社会保障局", "2080705", new String[] {"职业技能提升行动", "高校毕业生就业见习", "公共就业服务"},
                new String[][] {{"开展职业技能培训", "人次"}, {"组织就业见习人数", "人"}, {"举办招聘会", "场"}},
                new String[] {"实现就业人数", "人"}, "参训人员满意度"),
        new Dept("省生态环境厅", "市生态环境局", "2110301", new String[] {"大气污染防治", "水污染防治", "土壤污染风险管控"},
                new String[][] {{"治理挥发性有机物企业", "家"}, {"建设水质自动监测站", "个"}, {"完成土壤详查点位", "个"}},
                new String[] {"空气质量优良天数比例", "%"}, "公众满意度"),
        new Dept("省住房城乡建设厅", "市住房城乡建设局", "2210108", new String[] {"城镇老旧小区改造", "保障性租赁住房建设", "城市排水防涝"},
                new String[][] {{"改造老旧小区", "个"}, {"筹集保障性租赁住房", "套"}, {"改造排水管网", "公里"}},
                new String[] {"受益居民户数", "户"}, "居民满意度"),
        new Dept("省文化和旅游厅", "市文化广电旅游局", "2070199", new String[] {"公共文化服务体系建设", "文物保护利用", "全民阅读推广"},
                new String[][] {{"开展文化惠民演出", "场"}, {"修缮文物保护单位", "处"}, {"举办阅读活动", "场"}},
                new String[] {"参与群众人次", "万人次"}, "观众满意度"),
        new Dept("省应急管理厅", "市应急管理局", "2240106", new String[] {"安全生产监管能力建设", "森林防灭火", "应急救援队伍建设"},
                new String[][] {{"开展执法检查", "家次"}, {"建设防火隔离带", "公里"}, {"培训应急救援人员", "人次"}},
                new String[] {"覆盖重点企业", "家"}, "企业满意度"),
    };

    private static final String[] PREFIXES = {"", "县域", "农村", "城区", "基层", "重点区域"};
    private static final String[] UNITS = {"机关", "信息中心", "事务中心", "服务中心", "研究院"};

    /** Defects, one per failing project; each should make a compile rule fire. */
    static final String[] DEFECTS = {"NO_TARGET", "TARGET_LAGGING", "NO_SATISFACTION", "WEIGHTS_100", "VAGUE_VALUE",
        "COST_EXCEEDS_BUDGET", "EX_ANTE_MISSING", "DEPARTMENT_RETURN", "APPROVE_DATE_MISMATCH",
        "PUBLISH_DATE_MISMATCH", "DUPLICATE_CODE", "GOAL_BLANK", "RANGE_INVERTED"};

    private final String regionCode;
    private final String name;
    private final int year;
    private final int n;
    private final long seed;
    private final boolean province;
    private volatile int[] withSnapshot;

    public GeneratedRegion(String regionCode, String name, int year, int n, long seed) {
        if (n < 0 || n > 9_999_999) {
            throw new IllegalArgumentException("projects must be 0..9999999");
        }
        this.regionCode = regionCode;
        this.province = regionCode.endsWith("0000");
        this.name = name != null ? name : "生成数据 " + regionCode;
        this.year = year;
        this.n = n;
        this.seed = seed;
    }

    @Override
    public String regionCode() {
        return regionCode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Integer year() {
        return year;
    }

    public int size() {
        return n;
    }

    public long seed() {
        return seed;
    }

    public String projectCode(int i) {
        return String.format("%s-%d-%06d", regionCode, year, i + 1);
    }

    private int indexOf(String code) {
        String prefix = regionCode + "-" + year + "-";
        if (code == null || !code.startsWith(prefix) || code.length() != prefix.length() + 6) {
            return -1;
        }
        try {
            int i = Integer.parseInt(code.substring(prefix.length())) - 1;
            return i >= 0 && i < n ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private List<JsonNode> lazy(int size, java.util.function.IntFunction<JsonNode> make) {
        return new AbstractList<>() {
            @Override
            public JsonNode get(int i) {
                return make.apply(i);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public List<JsonNode> projects(int y) {
        return y == year ? lazy(n, this::project) : List.of();
    }

    @Override
    public List<JsonNode> projectsByCodes(int y, Set<String> codes) {
        if (y != year) {
            return List.of();
        }
        TreeSet<Integer> idx = new TreeSet<>();
        for (String c : codes) {
            int i = indexOf(c);
            if (i >= 0) {
                idx.add(i);
            }
        }
        List<JsonNode> out = new ArrayList<>();
        idx.forEach(i -> out.add(project(i)));
        return out;
    }

    @Override
    public Optional<JsonNode> project(String projectCode, int y) {
        int i = indexOf(projectCode);
        return y == year && i >= 0 ? Optional.of(project(i)) : Optional.empty();
    }

    @Override
    public List<JsonNode> execution(int y, String asOf) {
        if (y != year || !asOf.startsWith(year + "-")) {
            return List.of();
        }
        int[] idx = snapshotIndexes();
        LocalDate d = LocalDate.parse(asOf);
        return lazy(idx.length, k -> execution(idx[k], d));
    }

    @Override
    public List<JsonNode> evaluations(int y) {
        return y == year ? lazy(n, this::evaluation) : List.of();
    }

    @Override
    public List<JsonNode> departments(int y) {
        return y == year ? lazy(Math.min(DEPARTMENTS, Math.max(n, 1)), this::department) : List.of();
    }

    @Override
    public List<ObjectNode> initialEvents() {
        return List.of();
    }

    @Override
    public List<ObjectNode> scriptedEvents() {
        List<ObjectNode> out = new ArrayList<>();
        out.add(event("COMPILE", "DECLARED", null, (year - 1) + "-10-20T09:00:00+08:00"));
        out.add(event("COMPILE", "REVIEWED", null, (year - 1) + "-11-20T09:00:00+08:00"));
        out.add(event("COMPILE", "APPROVED", null, year + "-01-31T09:00:00+08:00"));
        out.add(event("COMPILE", "PUBLISHED", null, year + "-02-20T09:00:00+08:00"));
        out.add(event("EXECUTE", "MONITOR", year + "-07-31", year + "-08-05T09:00:00+08:00"));
        out.add(event("EXECUTE", "MONITOR", year + "-09-30", year + "-10-08T09:00:00+08:00"));
        out.add(event("CLOSE", "EVALUATE", null, (year + 1) + "-03-31T09:00:00+08:00"));
        out.add(event("CLOSE", "LINK", null, (year + 1) + "-04-15T09:00:00+08:00"));
        return out;
    }

    private ObjectNode event(String stage, String phase, String asOf, String at) {
        ObjectNode e = Json.object();
        e.put("regionCode", regionCode);
        e.put("year", year);
        e.put("stage", stage);
        e.put("phase", phase);
        if (asOf != null) {
            e.put("asOf", asOf);
        }
        e.put("occurredAt", at);
        return e;
    }

    @Override
    public RegionData upsert(String collection, List<JsonNode> items) {
        throw new HttpError(409, "region " + regionCode + " is generated; load a dataset to change its items");
    }

    @Override
    public ObjectNode summary() {
        ObjectNode s = Json.object();
        s.put("regionCode", regionCode);
        s.put("name", name);
        s.put("year", year);
        s.put("source", "generated");
        s.put("projects", n);
        s.put("seed", seed);
        s.put("departments", departments(year).size());
        s.put("scriptedEvents", scriptedEvents().size());
        return s;
    }

    // ------------------------------------------------------------------ the generator

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private SplittableRandom rng(int i, long salt) {
        return new SplittableRandom(mix(mix(seed) + mix(i * 0x9E3779B97F4A7C15L + salt)));
    }

    private int[] snapshotIndexes() {
        int[] idx = withSnapshot;
        if (idx == null) {
            int[] tmp = new int[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (Math.floorMod(mix(seed * 31 + i), 40) != 0) {
                    tmp[k++] = i;
                }
            }
            idx = java.util.Arrays.copyOf(tmp, k);
            withSnapshot = idx;
        }
        return idx;
    }

    /** One indicator of a project's target. */
    private record Ind(String code, String level1, String level2, String name, boolean quant, String operator,
            String value, String valueMax, String unit, String weight) {
    }

    /** What the project, its snapshots and its evaluation input share. */
    private record Profile(int i, String code, int dept, String kind, String recurrence, boolean isNew, boolean isMajor,
            BigDecimal budget, int defect, List<Ind> indicators, boolean weighted, int revision, int day,
            double quality) {
    }

    private Profile profile(int i) {
        SplittableRandom r = rng(i, 0);
        int dept = i % DEPTS.length;
        Dept d = DEPTS[dept];
        double k = r.nextDouble();
        String kind = k < 0.8 ? "PROJECT" : k < 0.9 ? "POLICY" : "TRANSFER";
        double rc = r.nextDouble();
        String recurrence = !kind.equals("PROJECT") ? "CONTINUING" : rc < 0.3 ? "ONE_OFF" : rc < 0.8 ? "CONTINUING"
                : "RECURRING";
        boolean isNew = r.nextDouble() < 0.3;
        boolean isMajor = r.nextDouble() < 0.1;
        // log-uniform 200 000 .. 20 000 000, whole thousands
        long budget = Math.round(Math.exp(Math.log(200_000) + r.nextDouble() * Math.log(100)) / 1000) * 1000;
        int defect = r.nextDouble() < 0.18 ? r.nextInt(DEFECTS.length) : -1;
        if (defect == 6) {
            isNew = true;
            budget = Math.max(budget, 6_000_000);
        }
        boolean weighted = r.nextBoolean() && defect != 2;
        if (defect == 3) {
            weighted = true;
        }
        BigDecimal b = BigDecimal.valueOf(budget);
        List<Ind> ind = new ArrayList<>();
        BigDecimal costWan = b.divide(BigDecimal.valueOf(10_000)).multiply(
                defect == 5 ? new BigDecimal("1.2") : BigDecimal.valueOf(95 + r.nextInt(6)).movePointLeft(2))
                .setScale(2, RoundingMode.DOWN);
        ind.add(new Ind("C1", "COST", "ECONOMIC_COST", "项目总成本", true, "LE", costWan.toPlainString(), null, "万元",
                weighted ? "8" : null));
        String[] w = weighted ? new String[] {defect == 3 ? "20" : "10", "8", "8"} : new String[3];
        for (int q = 0; q < 3; q++) {
            int v = 10 + r.nextInt(491);
            String value = (defect == 4 && q == 1) ? "约" + v : Integer.toString(v);
            String code = (defect == 10 && q == 2) ? "O2" : "O" + (q + 1);
            ind.add(new Ind(code, "OUTPUT", "QUANTITY", d.quantities[q][0], true, "GE", value, null,
                    d.quantities[q][1], w[q]));
        }
        int pass = 95 + r.nextInt(6);
        if (defect == 12) {
            ind.add(new Ind("O4", "OUTPUT", "QUALITY", "验收合格率", true, "RANGE", "100", "90", "%",
                    weighted ? "6" : null));
        } else {
            ind.add(new Ind("O4", "OUTPUT", "QUALITY", "验收合格率", true, "GE", Integer.toString(pass), null, "%",
                    weighted ? "6" : null));
        }
        ind.add(new Ind("O5", "OUTPUT", "QUALITY", "建设和服务标准", false, null, "符合国家和省相关标准", null, null,
                weighted ? "5" : null));
        ind.add(new Ind("O6", "OUTPUT", "TIMELINESS", "按时完成率", true, "GE", "100", null, "%",
                weighted ? "5" : null));
        ind.add(new Ind("B1", "BENEFIT", "SOCIAL", d.benefit[0], true, "GE",
                Integer.toString(d.benefit[1].equals("%") ? 80 + r.nextInt(16) : 100 + r.nextInt(9_901)), null,
                d.benefit[1], weighted ? "15" : null));
        ind.add(new Ind("B2", "BENEFIT", "SUSTAINABLE", "长效管护机制", false, null, "建立并有效运行", null, null,
                weighted ? "15" : null));
        if (defect != 2) {
            ind.add(new Ind("S1", "SATISFACTION", "SATISFACTION", d.satisfaction, true, "GE",
                    Integer.toString(85 + r.nextInt(11)), null, "%", weighted ? "10" : null));
        }
        int revision = 1 + r.nextInt(4);
        int day = r.nextInt(10);
        double quality = r.nextDouble();
        return new Profile(i, projectCode(i), dept, kind, recurrence, isNew, isMajor, b, defect, ind, weighted,
                revision, day, quality);
    }

    private String deptCode(int dept) {
        return Integer.toString((province ? 101 : 201) + dept);
    }

    private String deptName(int dept) {
        return province ? DEPTS[dept].province : DEPTS[dept].city;
    }

    private JsonNode project(int i) {
        Profile p = profile(i);
        SplittableRandom r = rng(i, 1);
        Dept d = DEPTS[p.dept()];
        ObjectNode o = Json.object();
        o.put("projectCode", p.code());
        o.put("revision", p.revision());
        o.put("regionCode", regionCode);
        o.put("year", year);
        o.put("departmentCode", deptCode(p.dept()));
        o.put("departmentName", deptName(p.dept()));
        int unit = i % UNITS.length;
        o.put("unitCode", deptCode(p.dept()) + String.format("%03d", unit + 1));
        o.put("unitName", deptName(p.dept()) + UNITS[unit]);
        String prefix = PREFIXES[r.nextInt(PREFIXES.length)];
        String stem = d.stems[r.nextInt(d.stems.length)];
        String title = p.kind().equals("POLICY") ? stem + "政策" : p.kind().equals("TRANSFER") ? stem + "转移支付资金"
                : prefix + stem + "项目";
        o.put("name", title);
        o.put("kind", p.kind());
        o.put("functionCode", d.functionCode);
        o.put("isNew", p.isNew());
        o.put("isMajor", p.isMajor());
        o.put("budgetAmount", Json.money(p.budget()));
        o.put("budgetPhase", "PUBLISHED");
        LocalDate declared = LocalDate.of(year - 1, 10, 10).plusDays(p.day());
        LocalDate reviewed = LocalDate.of(year - 1, 11, 5).plusDays(p.day());
        LocalDate approved = LocalDate.of(year, 1, 20).plusDays(p.day());
        LocalDate published = LocalDate.of(year, 2, 5).plusDays(p.day()); // 16 days after approval: within disclose.days
        ObjectNode bd = o.putObject("budgetPhaseDates");
        bd.put("DECLARED", declared.toString());
        bd.put("REVIEWED", reviewed.toString());
        bd.put("APPROVED", approved.toString());
        bd.put("PUBLISHED", published.toString());
        boolean needsExAnte = (p.isNew() || p.isMajor()) && p.budget().compareTo(BigDecimal.valueOf(5_000_000)) >= 0;
        if (needsExAnte && p.defect() != 6) {
            ObjectNode ea = o.putObject("exAnte");
            ea.put("status", "DONE");
            ea.put("conclusion", r.nextInt(5) == 0 ? "SUPPORT_WITH_CHANGES" : "SUPPORT");
            ea.put("date", declared.minusDays(20).toString());
        } else {
            o.putNull("exAnte");
        }
        if (p.defect() == 0) {
            o.putNull("target");
            return o;
        }
        ObjectNode t = o.putObject("target");
        ObjectNode td = Json.object();
        ArrayNode reviews = Json.array();
        String phase;
        if (p.defect() == 1 || p.defect() == 7) {
            phase = "DECLARED";
            td.put("DECLARED", declared.toString());
            review(reviews, "UNIT", "PASS", declared);
            if (p.defect() == 7) {
                review(reviews, "DEPARTMENT", "RETURN", declared.plusDays(8));
            }
        } else {
            phase = "PUBLISHED";
            td.put("DECLARED", declared.toString());
            td.put("REVIEWED", reviewed.toString());
            td.put("APPROVED", (p.defect() == 8 ? approved.plusDays(5) : approved).toString());
            td.put("PUBLISHED", (p.defect() == 9 ? published.plusDays(2) : p.defect() == 8 ? published.plusDays(5)
                    : published).toString());
            review(reviews, "UNIT", "PASS", declared);
            review(reviews, "DEPARTMENT", "PASS", declared.plusDays(8));
            review(reviews, "FINANCE", "PASS", reviewed.minusDays(4));
        }
        t.put("phase", phase);
        t.set("phaseDates", td);
        t.set("reviews", reviews);
        t.put("overallGoal", p.defect() == 11 ? "" : "通过实施" + title + "，按期完成年度建设和服务任务，"
                + d.benefit[0] + "稳步提高，" + d.satisfaction + "达到预期。");
        ArrayNode a = t.putArray("indicators");
        for (Ind x : p.indicators()) {
            ObjectNode in = a.addObject();
            in.put("code", x.code());
            in.put("level1", x.level1());
            in.put("level2", x.level2());
            in.put("name", x.name());
            in.put("type", x.quant() ? "QUANTITATIVE" : "QUALITATIVE");
            if (x.quant()) {
                in.put("operator", x.operator());
            }
            in.put("value", x.value());
            if (x.valueMax() != null) {
                in.put("valueMax", x.valueMax());
            }
            if (x.quant()) {
                in.put("unit", x.unit());
                in.put("valueSource", x.code().startsWith("C") ? "PLAN" : x.level1().equals("SATISFACTION")
                        ? "INDUSTRY" : "PLAN");
            }
            if (x.weight() != null) {
                in.put("weight", x.weight());
            }
        }
        return o;
    }

    private static void review(ArrayNode reviews, String level, String outcome, LocalDate date) {
        ObjectNode rv = reviews.addObject();
        rv.put("level", level);
        rv.put("outcome", outcome);
        rv.put("date", date.toString());
    }

    private static BigDecimal number(String v) {
        try {
            return new BigDecimal(v.replaceAll("[^0-9.]", ""));
        } catch (NumberFormatException e) {
            return BigDecimal.ONE;
        }
    }

    private JsonNode execution(int i, LocalDate asOf) {
        Profile p = profile(i);
        SplittableRandom r = rng(i, 1000L + asOf.getDayOfYear());
        double tp = asOf.getDayOfYear() / (double) asOf.lengthOfYear();
        ObjectNode o = Json.object();
        o.put("projectCode", p.code());
        o.put("year", year);
        o.put("asOf", asOf.toString());
        boolean zero = Math.floorMod(mix(seed * 17 + i), 97) == 0;
        BigDecimal budget = zero ? BigDecimal.ZERO : p.budget();
        double c = r.nextDouble();
        double gap = c < 0.65 ? -0.15 + r.nextDouble() * 0.23 : c < 0.80 ? 0.10 + r.nextDouble() * 0.099
                : c < 0.90 ? 0.20 + r.nextDouble() * 0.099 : 0.30 + r.nextDouble() * 0.2;
        double rate = Math.max(0, Math.min(1, tp - gap));
        o.put("budgetAmount", Json.money(budget));
        o.put("paidAmount", Json.money(budget.multiply(BigDecimal.valueOf(rate)).setScale(0, RoundingMode.HALF_UP)));
        ArrayNode a = o.putArray("indicators");
        if (p.defect() != 0) {
            for (Ind x : p.indicators()) {
                double pr = r.nextDouble();
                if (!x.quant()) {
                    ObjectNode in = a.addObject();
                    in.put("code", x.code());
                    in.put("actual", pr < 0.03 ? "C" : pr < 0.04 ? "D" : pr < 0.5 ? "B" : "A");
                } else if (x.operator().equals("GE") && !x.value().startsWith("约")) {
                    double ratio;
                    if (x.unit().equals("%")) {
                        ratio = pr < 0.05 ? 0.5 : 0.97 + r.nextDouble() * 0.05;
                    } else {
                        ratio = pr < 0.04 ? r.nextDouble() * Math.max(0, tp - 0.45)
                                : pr < 0.12 ? tp - 0.35 + r.nextDouble() * 0.14 : tp - 0.1 + r.nextDouble() * 0.4;
                    }
                    BigDecimal actual = number(x.value()).multiply(BigDecimal.valueOf(Math.max(0, ratio)))
                            .setScale(0, RoundingMode.HALF_UP);
                    ObjectNode in = a.addObject();
                    in.put("code", x.code());
                    in.put("actual", actual.toPlainString());
                }
            }
        }
        return o;
    }

    private JsonNode evaluation(int i) {
        Profile p = profile(i);
        SplittableRandom r = rng(i, 3);
        ObjectNode o = Json.object();
        o.put("projectCode", p.code());
        o.put("year", year);
        o.put("kind", p.kind());
        o.put("recurrence", p.recurrence());
        o.put("departmentCode", deptCode(p.dept()));
        o.put("budgetAmount", Json.money(p.budget()));
        double paidRate = r.nextDouble() < 0.1 ? 0.4 + r.nextDouble() * 0.35 : 0.75 + r.nextDouble() * 0.25;
        o.put("paidAmount", Json.money(p.budget().multiply(BigDecimal.valueOf(paidRate))));
        // quality of the year: most projects good, some medium, a few poor
        double q = p.quality();
        double lo = q < 0.08 ? 0.2 : q < 0.25 ? 0.6 : 0.9;
        double hi = q < 0.08 ? 0.7 : q < 0.25 ? 0.95 : 1.08;
        ArrayNode a = o.putArray("indicators");
        if (p.defect() != 0) {
            for (Ind x : p.indicators()) {
                ObjectNode in = a.addObject();
                in.put("code", x.code());
                double f = lo + r.nextDouble() * (hi - lo);
                if (!x.quant()) {
                    in.put("actual", f >= 0.9 ? "A" : f >= 0.75 ? "B" : f >= 0.5 ? "C" : "D");
                } else if (x.operator().equals("LE")) {
                    in.put("actual", number(x.value()).multiply(BigDecimal.valueOf(0.85 + r.nextDouble() * 0.2))
                            .setScale(2, RoundingMode.HALF_UP).toPlainString());
                } else {
                    BigDecimal v = number(x.value()).multiply(BigDecimal.valueOf(f)).setScale(0, RoundingMode.HALF_UP);
                    double form = r.nextDouble();
                    // as forms write them: 98%, ≥266米-style repeats of the operator and unit
                    String actual = x.unit().equals("%") && form < 0.5 ? v + "%"
                            : form < 0.1 ? "≥" + v + x.unit() : v.toPlainString();
                    in.put("actual", actual);
                }
            }
        }
        if (r.nextDouble() < 0.9) {
            o.put("selfScore", Integer.toString(80 + r.nextInt(21)));
        }
        if (r.nextDouble() < 0.05) {
            o.put("keyEvaluationScore", BigDecimal.valueOf(550 + r.nextInt(401)).movePointLeft(1).toPlainString());
        } else {
            o.putNull("keyEvaluationScore");
        }
        o.put("nextYearRequest", Json.money(p.budget().multiply(BigDecimal.valueOf(90 + r.nextInt(31)))
                .movePointLeft(2).setScale(-3, RoundingMode.HALF_UP)));
        return o;
    }

    private JsonNode department(int dept) {
        SplittableRandom r = rng(dept, 77);
        ObjectNode o = Json.object();
        o.put("departmentCode", deptCode(dept));
        o.put("year", year);
        ObjectNode c = o.putObject("components");
        int skip = r.nextDouble() < 0.2 ? r.nextInt(4) : -1;
        String[] names = {"KEY_ASSESSMENT", "KEY_TARGETS", "KEY_MONITORING", "OVERALL_EVALUATION"};
        for (int k = 0; k < names.length; k++) {
            int v = 550 + r.nextInt(431);
            if (k != skip) {
                c.put(names[k], BigDecimal.valueOf(v).movePointLeft(1).toPlainString());
            }
        }
        ArrayNode d = o.putArray("deductions");
        if (r.nextDouble() < 0.3) {
            int k = 1 + r.nextInt(2);
            for (int j = 0; j < k; j++) {
                ObjectNode x = d.addObject();
                x.put("source", j == 0 ? "AUDIT" : "FINANCE_SUPERVISION");
                x.put("points", Integer.toString(1 + r.nextInt(5)));
                x.put("ref", (j == 0 ? "审计报告〔" : "财政监督检查通报〔") + year + "〕" + (1 + r.nextInt(40)) + "号");
            }
        }
        o.put("nextYearBaseline", Json.money(BigDecimal.valueOf(50 + r.nextInt(451)).multiply(
                BigDecimal.valueOf(1_000_000))));
        return o;
    }
}

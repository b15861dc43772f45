package org.perflink.reports;

import java.util.Map;

/** The zh-CN and English words the annual report, its charts and its figures use for the codes of the results. */
final class Labels {

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("EXCELLENT", new String[] {"优", "excellent"}),
            Map.entry("GOOD", new String[] {"良", "good"}),
            Map.entry("MEDIUM", new String[] {"中", "medium"}),
            Map.entry("POOR", new String[] {"差", "poor"}),
            Map.entry("PASS", new String[] {"通过", "pass"}),
            Map.entry("WARN", new String[] {"提示", "warn"}),
            Map.entry("BLOCK", new String[] {"退回", "block"}),
            Map.entry("BLUE", new String[] {"蓝色预警", "blue"}),
            Map.entry("YELLOW", new String[] {"黄色预警", "yellow"}),
            Map.entry("RED", new String[] {"红色预警", "red"}),
            Map.entry("NONE", new String[] {"已解除", "cleared"}),
            Map.entry("REMINDER", new String[] {"提醒敦促函", "reminder"}),
            Map.entry("RECTIFICATION", new String[] {"整改通知书", "rectification"}),
            Map.entry("INTERVIEW", new String[] {"约谈通知书", "interview"}),
            Map.entry("REFERRAL", new String[] {"移交/报送", "referral"}),
            Map.entry("ISSUED", new String[] {"已发出", "issued"}),
            Map.entry("ESCALATED", new String[] {"已升级", "escalated"}),
            Map.entry("REFERRED", new String[] {"已移交", "referred"}),
            Map.entry("DEPARTMENT", new String[] {"部门", "department"}),
            Map.entry("REGION", new String[] {"下级地区", "lower region"}),
            Map.entry("PRAISE", new String[] {"通报表扬", "praised"}),
            Map.entry("CRITICISM", new String[] {"通报批评", "criticised"}),
            Map.entry("PRIORITIZE", new String[] {"优先保障", "prioritize"}),
            Map.entry("KEEP", new String[] {"维持", "keep"}),
            Map.entry("REDUCE", new String[] {"调减", "reduce"}),
            Map.entry("verdict", new String[] {"审核结论", "verdict"}),
            Map.entry("score", new String[] {"评价得分", "score"}),
            Map.entry("warning", new String[] {"预警", "warning"}),
            Map.entry("adjustment", new String[] {"挂钩调整", "adjustment"}),
            Map.entry("notice", new String[] {"问责通知", "notice"}),
            Map.entry("assessment", new String[] {"考核", "assessment"}),
            Map.entry("target", new String[] {"公开目标", "target"}));

    private Labels() {
    }

    /** The zh-CN word for a code, or the code itself. */
    static String zh(String code) {
        String[] w = code == null ? null : WORDS.get(code);
        return w == null ? code : w[0];
    }

    /** The English word for a code, or the code itself. */
    static String en(String code) {
        String[] w = code == null ? null : WORDS.get(code);
        return w == null ? code : w[1];
    }
}

package org.perflink.close.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.perflink.api.model.Assessment;
import org.perflink.api.model.Grade;
import org.perflink.api.rules.Param;
import org.perflink.api.rules.RulePack;

/**
 * Ranks the assessed peers of one region and year (R's departments, or R's lower regions; rules.md §6) and puts them
 * on the praise (通报表扬) and criticism (通报批评) lists: competition rank on the unrounded total (equal totals share a
 * rank: 1, 2, 2, 4). A subject on the criticism list is not praised. Immutable; one instance per rule pack.
 */
public final class AssessmentRanking {

    public static final String PRAISE = "ASSESS_PRAISE";
    public static final String CRITICISM = "ASSESS_CRITICISM";
    public static final Param PRAISE_MAX_RANK = Param.of("assess.praise.maxRank", "10",
            "ASSESS_PRAISE: only subjects ranked this or better are praised (local: the top ten)");
    public static final Param CRITICISM_LAST_RANKS = Param.of("assess.criticism.lastRanks", "0",
            "ASSESS_CRITICISM: subjects among the last this many ranks are criticised; 0 = off (P)");

    /** The list words of the Assessment's {@code list}. */
    public static final String LIST_PRAISE = "PRAISE";
    public static final String LIST_CRITICISM = "CRITICISM";

    private final int praiseMaxRank;
    private final int criticismLastRanks;
    private final String rulePack;

    public AssessmentRanking(RulePack pack) {
        this.praiseMaxRank = pack.integer(PRAISE_MAX_RANK);
        this.criticismLastRanks = pack.integer(CRITICISM_LAST_RANKS);
        this.rulePack = pack.id();
    }

    public static List<Param> parameters() {
        return List.of(PRAISE_MAX_RANK, CRITICISM_LAST_RANKS);
    }

    /** The Assessments of the peers, best first (equal totals by subject code). */
    public List<Assessment> rank(String regionCode, int year, List<AssessmentParts.Scored> peers, CaseStates cases,
            OffsetDateTime assessedAt) {
        List<AssessmentParts.Scored> sorted = new ArrayList<>(peers);
        sorted.sort(Comparator.comparing(AssessmentParts.Scored::total).reversed()
                .thenComparing(s -> s.subject().code()));
        List<Assessment> out = new ArrayList<>(sorted.size());
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            AssessmentParts.Scored s = sorted.get(i);
            if (previous == null || s.total().compareTo(previous) != 0) {
                rank = i + 1;
                previous = s.total();
            }
            out.add(assessment(regionCode, year, s, rank, sorted.size(), cases, assessedAt));
        }
        return out;
    }

    private Assessment assessment(String regionCode, int year, AssessmentParts.Scored s, int rank, int rankOf,
            CaseStates cases, OffsetDateTime assessedAt) {
        SubjectFacts subject = s.subject();
        String list = list(s, rank, rankOf, cases);
        BigDecimal composite = subject.composite() == null ? null : subject.composite().setScale(2, RoundingMode.HALF_UP);
        return new Assessment(Assessment.idOf(regionCode, year, subject.scope(), subject.code()), regionCode, year,
                subject.scope(), subject.code(), s.total().setScale(2, RoundingMode.HALF_UP), s.grade(), rank, rankOf,
                composite, list, s.parts(), rulePack, assessedAt);
    }

    /** CRITICISM, PRAISE or null. */
    String list(AssessmentParts.Scored s, int rank, int rankOf, CaseStates cases) {
        SubjectFacts subject = s.subject();
        boolean criticised = s.grade() == Grade.POOR
                || subject.compositeGrade() == Grade.POOR
                || cases.reachedInterview(subject.scope(), subject.code())
                || criticismLastRanks > 0 && rank > rankOf - criticismLastRanks;
        if (criticised) {
            return LIST_CRITICISM;
        }
        boolean compositeGood = subject.compositeGrade() == Grade.EXCELLENT || subject.compositeGrade() == Grade.GOOD;
        boolean praised = s.grade() == Grade.EXCELLENT && rank <= praiseMaxRank && compositeGood
                && !cases.overdueOpen(subject.scope(), subject.code());
        return praised ? LIST_PRAISE : null;
    }
}

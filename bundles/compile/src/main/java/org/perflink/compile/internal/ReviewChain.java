package org.perflink.compile.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.perflink.api.model.Review;
import org.perflink.api.model.Review.Level;
import org.perflink.api.model.Review.Outcome;

/**
 * The three-level review of a target (三级审核: 单位申报 → 主管部门审核 → 财政审核). Only the latest review
 * of each level counts: a RETURN followed by a PASS is passed, a PASS followed by a RETURN is returned.
 * "Latest" is by date, and by position in the list for equal or missing dates (hosts list reviews in
 * the order they happened).
 */
public final class ReviewChain {

    /** One review with its position in {@code target.reviews}. */
    public record Step(int index, Review review) {
        public String path() {
            return "target.reviews[" + index + "]";
        }
    }

    private static final Comparator<Step> CHRONOLOGICAL = Comparator
            .comparing((Step s) -> s.review().date(), Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .thenComparingInt(Step::index);

    private final Map<Level, Step> latest = new EnumMap<>(Level.class);

    private ReviewChain(List<Review> reviews) {
        for (int i = 0; i < reviews.size(); i++) {
            Review r = reviews.get(i);
            if (r != null && r.level() != null) {
                latest.merge(r.level(), new Step(i, r),
                        (a, b) -> CHRONOLOGICAL.compare(a, b) >= 0 ? a : b);
            }
        }
    }

    public static ReviewChain of(List<Review> reviews) {
        return new ReviewChain(reviews == null ? List.of() : reviews);
    }

    /** The latest review of a level that carries a grade (§1, since rules v2), or null. */
    public static Step latestGraded(List<Review> reviews, Level level) {
        Step latest = null;
        for (int i = 0; reviews != null && i < reviews.size(); i++) {
            Review r = reviews.get(i);
            if (r != null && r.level() == level && r.grade() != null) {
                Step s = new Step(i, r);
                if (latest == null || CHRONOLOGICAL.compare(s, latest) >= 0) {
                    latest = s;
                }
            }
        }
        return latest;
    }

    public boolean passed(Level level) {
        Step s = latest.get(level);
        return s != null && s.review().outcome() == Outcome.PASS;
    }

    /** Every level passed, unit before department before finance. */
    public boolean passedInOrder() {
        return passedInOrder(true);
    }

    /**
     * As {@link #passedInOrder()}; without {@code financeRequired} (review.finance.scope = KEY, a project that is
     * not key) the unit and department reviews suffice.
     */
    public boolean passedInOrder(boolean financeRequired) {
        Step previous = null;
        for (Level level : Level.values()) {
            if (level == Level.FINANCE && !financeRequired) {
                continue;
            }
            if (!passed(level)) {
                return false;
            }
            Step s = latest.get(level);
            if (previous != null && CHRONOLOGICAL.compare(previous, s) >= 0) {
                return false;
            }
            previous = s;
        }
        return true;
    }

    /** The latest reviews that sent the target back (退回), in level order. */
    public List<Step> returned() {
        List<Step> returned = new ArrayList<>(2);
        for (Level level : Level.values()) {
            Step s = latest.get(level);
            if (s != null && s.review().outcome() == Outcome.RETURN) {
                returned.add(s);
            }
        }
        return returned;
    }

    /** The latest review of a level as a figure: {@code PASS 2026-10-28}, or {@code NONE}. */
    public String describe(Level level) {
        Step s = latest.get(level);
        if (s == null) {
            return "NONE";
        }
        Review r = s.review();
        return r.outcome() + (r.date() == null ? "" : " " + r.date());
    }
}

package org.perflink.close.internal;

import org.perflink.api.model.Assessment;

/**
 * The state of a subject's notice cases (rules.md §5) that the praise and criticism lists (§6) read. Seam: the §5
 * follow-up owns the cases; until it is connected, {@link NoticeCases} derives them from the notices PerfLink wrote
 * and the host's feedback.
 */
public interface CaseStates {

    /** No case known: nobody is criticised or kept off the praise list for a case. */
    CaseStates NONE = new CaseStates() {
        @Override
        public boolean reachedInterview(Assessment.Scope scope, String code) {
            return false;
        }

        @Override
        public boolean overdueOpen(Assessment.Scope scope, String code) {
            return false;
        }
    };

    /** A case of the assessed year reached INTERVIEW (工作约谈) or REFERRAL (移交/报送). */
    boolean reachedInterview(Assessment.Scope scope, String code);

    /** The subject has an open case whose latest notice is past its due date without ACCEPTED feedback. */
    boolean overdueOpen(Assessment.Scope scope, String code);
}

#!/usr/bin/env python3
"""Adds the follow-up demo region 460100 海口市(演示) (rules.md §5, 跟踪问效; host contract v1.1) to demo-dataset.json.

Five departments, each with projects whose key-evaluation scores bring notices at the whole-year
CLOSE/LINK of 2028-06-30 (rules.md §3.4), the host's feedback on those notices (on time, late, missing, rejected,
rejected with a violation clue, and on the escalation steps), and three CLOSE/FOLLOW_UP events after the LINK. This
module reads §3.4 and §5 on its own (it shares nothing with PerfLink's code) and appends what it computes to
EXPECTED.md. A region of its own (not under 440000, so no lower region of it), so that every expectation of the other
regions stays as it was. Run after v11_region.py (build_demo_dataset.py calls both); running it again replaces it.
"""
import datetime as dt
import json
import os
from collections import OrderedDict
from decimal import Decimal as D

import v11_region as v11  # its indicators and reviews: the same kind of target

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'main', 'resources', 'datasets')
R, NAME, YEAR = '460100', '海口市(演示)', 2027
SECTION = '## 460100 海口市(演示) — follow-up of notices (rules.md §5), host contract v1.1'
LINK_DATE = dt.date(2028, 6, 30)  # the whole-year CLOSE/LINK, 2028-06-30T10:00:00+08:00
FOLLOW_UPS = ['2028-08-10', '2028-09-15', '2028-10-20']

# rules.md §3.4 / §5 defaults
DUE = dict(REMINDER=20, RECTIFICATION=30, INTERVIEW=30)
RESUBMIT_DAYS = 10
REFERRAL_TO = 'ORGANIZATION'
LADDER = dict(REMINDER='RECTIFICATION', RECTIFICATION='INTERVIEW', INTERVIEW='REFERRAL')

# department → (name, [(project number, name, key-evaluation score)]) — every score fixes the project's grade
DEPARTMENTS = OrderedDict([
    ('302', ('市卫生健康委', [(201, '基层医疗卫生机构能力提升', '75')])),
    ('303', ('市民政局', [(202, '养老服务设施建设', '50')])),
    ('304', ('市交通运输局', [(203, '农村公路提质改造', '50'), (204, '公交站场建设', '55'), (205, '智慧交通平台', '45')])),
    ('305', ('市水务局', [(206, '城乡供水一体化', '70')])),
    ('306', ('市文化广电旅游局', [(207, '公共文化服务提升', '78')])),
])

# the host's feedback (notice id → submissions): what each case is designed to show
FEEDBACK = [
    ('460100-2027.302.REMINDER', '2028-07-15', 'ACCEPTED', '2028-07-18', None),       # on time, accepted
    ('460100-2027.305.REMINDER', '2028-07-25', 'SUBMITTED', None, None),              # late, not yet decided
    ('460100-2027.305.REMINDER.RECTIFICATION', '2028-09-05', 'ACCEPTED', '2028-09-08', None),  # the step, on time
    ('460100-2027.303.RECTIFICATION', '2028-07-28', 'REJECTED', '2028-08-02', False),  # rejected, never resubmitted
    ('460100-2027.304.RECTIFICATION', '2028-07-26', 'REJECTED', '2028-07-29', True),   # rejected, violation clue
    # 460100-2027.304.INTERVIEW and 460100-2027.306.REMINDER: no feedback at all
]


def day(s):
    return dt.date.fromisoformat(s)


def grade(s):
    s = D(s)
    return 'EXCELLENT' if s >= 90 else 'GOOD' if s >= 80 else 'MEDIUM' if s >= 60 else 'POOR'


def projects_and_evaluations():
    projects, evaluations = [], []
    full = [{'code': 'I1', 'actual': '12'}, {'code': 'I2', 'actual': '100'}, {'code': 'I3', 'actual': '95'},
            {'code': 'C1', 'actual': '1.4'}, {'code': 'B1', 'actual': '600'}, {'code': 'S1', 'actual': '92'}]
    for dept, (name, items) in DEPARTMENTS.items():
        for n, pname, key in items:
            code = '%s-%d-%06d' % (R, YEAR, n)
            dates = OrderedDict(v11.DATES)
            p = OrderedDict([('projectCode', code), ('revision', 1), ('regionCode', R), ('year', YEAR),
                             ('departmentCode', dept), ('departmentName', name), ('unitCode', dept + '001'),
                             ('unitName', name + '机关'), ('name', pname), ('kind', 'PROJECT'),
                             ('functionCode', v11.FUNCTION), ('isNew', False), ('isMajor', False),
                             ('budgetAmount', '2000000.00'), ('budgetPhase', 'PUBLISHED'), ('budgetPhaseDates', dates),
                             ('exAnte', None),
                             ('target', OrderedDict([('phase', 'PUBLISHED'), ('phaseDates', dates),
                                                     ('reviews', v11.reviews()), ('overallGoal', '按期完成项目建设任务'),
                                                     ('indicators', v11.indicators())]))])
            projects.append(p)
            evaluations.append(OrderedDict([
                ('projectCode', p['projectCode']), ('year', YEAR), ('kind', 'PROJECT'), ('recurrence', 'CONTINUING'),
                ('departmentCode', dept), ('budgetAmount', '2000000.00'), ('paidAmount', '2000000.00'),
                ('indicators', full), ('keyEvaluationScore', key), ('nextYearRequest', '2000000.00')]))
    return projects, evaluations


def first_notices():
    """rules.md §3.4 from the project grades (no department composite: the host sends no departments)."""
    notices = []
    for dept, (_, items) in DEPARTMENTS.items():
        grades = [grade(k) for _, _, k in items]
        poor = grades.count('POOR')
        kinds = []
        if 'MEDIUM' in grades:
            kinds.append('REMINDER')
        if poor:
            kinds.append('RECTIFICATION')
        if poor >= 3:
            kinds.append('INTERVIEW')
        for k in kinds:
            notices.append(dict(id='%s-%d.%s.%s' % (R, YEAR, dept, k), case='%s-%d.%s.%s' % (R, YEAR, dept, k),
                                dept=dept, type=k, due=LINK_DATE + dt.timedelta(days=DUE[k]), issued=LINK_DATE,
                                referral=None, triggers=[], source='LINK 2028-06-30'))
    return notices


def feedback_as_of(notice_id, as_of):
    """The submissions on a notice as they stood on as_of: later ones unseen, later decisions still pending."""
    out = []
    for nid, sub, status, decided, clue in FEEDBACK:
        if nid != notice_id or day(sub) > as_of:
            continue
        if status != 'SUBMITTED' and day(decided or sub) > as_of:
            status, decided, clue = 'SUBMITTED', None, None
        out.append((day(sub), status, day(decided) if decided else None, clue))
    return sorted(out, key=lambda f: (f[0], f[2] or dt.date.min))


def follow_up(notices, as_of):
    """One FOLLOW_UP: the next step of every open case whose latest notice is overdue or rejected."""
    steps = []
    for case in sorted({n['case'] for n in notices}):
        latest = max((n for n in notices if n['case'] == case), key=lambda n: list(DUE).index(n['type'])
                     if n['type'] in DUE else 9)
        if latest['type'] == 'REFERRAL':
            continue
        fb = feedback_as_of(latest['id'], as_of)
        if fb and fb[-1][1] == 'ACCEPTED':
            continue
        due = latest['due']
        triggers, clue = [], False
        if as_of > due and not any(f[0] <= due for f in fb):
            triggers.append(('NOTICE_FEEDBACK_OVERDUE', None))
        if fb and fb[-1][1] == 'REJECTED':
            decided = fb[-1][2] or fb[-1][0]
            if as_of > max(due, decided + dt.timedelta(days=RESUBMIT_DAYS)):
                triggers.append(('NOTICE_FEEDBACK_REJECTED', decided))
                clue = bool(fb[-1][3])
        if not triggers:
            continue
        kind = 'REFERRAL' if clue else LADDER[latest['type']]
        steps.append(dict(id='%s.%s' % (case, kind), case=case, dept=latest['dept'], type=kind,
                          due=as_of + dt.timedelta(days=DUE[kind]) if kind in DUE else None, issued=as_of,
                          referral=('DISCIPLINE' if clue else REFERRAL_TO) if kind == 'REFERRAL' else None,
                          triggers=triggers, source='FOLLOW_UP ' + as_of.isoformat(), frm=latest['id'],
                          frm_due=due))
    return steps


def year():
    notices = first_notices()
    escalations = []
    for as_of in FOLLOW_UPS:
        steps = follow_up(notices, day(as_of))
        escalations += steps
        notices += steps
    return notices, escalations


def expected(notices, escalations):
    L = ['', SECTION, '',
         'Run with `contract = 1.1` (config/demo/org.perflink.region-460100.cfg: `hostContract = 1.1`; a 1.0 host gets '
         'no follow-up). Departments 302–306 (key-evaluation scores fix each project\'s grade; 2 000 000 each, CONTINUING, '
         'requests 2 000 000; targets shaped as 440400-2027-000107\'s, so their COMPILE/PUBLISHED verdicts of 2027-02-20 '
         'are PASS). Events, in order: the whole-year CLOSE/LINK of 2028-06-30 issues the first '
         'notices (§3.4, due in 20 / 30 / 30 days; CLOSE/EVALUATE 2028-06-15 before it), then CLOSE/FOLLOW_UP at ' + ', '.join(FOLLOW_UPS) + '. Feedback '
         'is read as it stood on each asOf (a later submission is not seen, a later decision is still pending). '
         'Defaults: notice.resubmitDays 10, notice.referral.to ORGANIZATION.', '',
         '### Projects and first notices (CLOSE/LINK 2028-06-30)', '',
         '| department | projects (key score → grade; LINK_PROJECT_GRADE on the 2 000 000 request) | notices (due) |',
         '|---|---|---|']
    for dept, (name, items) in DEPARTMENTS.items():
        ratio = dict(EXCELLENT=D('0'), GOOD=D('0'), MEDIUM=D('-0.10'), POOR=D('-0.30'))  # §3.2 PROJECT, CONTINUING
        ps = ', '.join('%s-%d-%06d %s → %s, REDUCE %s → %s' % (R, YEAR, n, k, grade(k), ratio[grade(k)],
                                                             (D('2000000.00') * ratio[grade(k)]).quantize(D('0.01')))
                       for n, _, k in items)
        ns = ', '.join('%s (%s)' % (n['id'], n['due']) for n in notices if n['dept'] == dept and not n['triggers'])
        L.append('| %s %s | %s | %s |' % (dept, name, ps, ns))
    L += ['', '### Feedback (notice-feedback)', '', '| notice | submittedOn | status | decidedOn | violationClue |',
          '|---|---|---|---|---|']
    for nid, sub, status, decided, clue in FEEDBACK:
        L.append('| %s | %s | %s | %s | %s |' % (nid, sub, status, decided or '—', '—' if clue is None else str(clue).lower()))
    L.append('| 460100-2027.304.INTERVIEW, 460100-2027.306.REMINDER | — (none) | | | |')
    L += ['', '### Escalations (NOTICE_ESCALATED)', '',
          '| issued by | notice | type | from (its due date) | triggers | dueDate / referralTo |', '|---|---|---|---|---|---|']
    for s in escalations:
        trig = ', '.join(t if d is None else '%s (decided %s)' % (t, d) for t, d in s['triggers'])
        L.append('| %s | %s | %s | %s (%s) | %s | %s |' % (s['source'], s['id'], s['type'], s['frm'], s['frm_due'], trig,
                                                          s['due'] or s['referral']))
    counts = OrderedDict((k, sum(1 for s in escalations if s['type'] == k)) for k in ('RECTIFICATION', 'INTERVIEW', 'REFERRAL'))
    referred = sorted(s['case'] for s in escalations if s['type'] == 'REFERRAL')
    L += ['', 'Escalations: %d (%s); cases that reached REFERRAL: %s. Not escalated: 460100-2027.302.REMINDER (feedback '
          'on time, accepted), 460100-2027.305.REMINDER.RECTIFICATION (accepted 2028-09-08, the case closes); '
          '460100-2027.303.RECTIFICATION waits on 2028-08-10 (rejected 08-02, resubmission possible until 08-12).' % (
              len(escalations), ', '.join('%s %d' % kv for kv in counts.items()), ', '.join(referred)), '']
    L += assessments(notices)
    return '\n'.join(L)


# rules.md §6 defaults (P), in the order the Assessment writes its parts
ASSESS_POINTS = OrderedDict([('ASSESS_TARGETS_ON_TIME', 15), ('ASSESS_TARGETS_QUALITY', 10),
                             ('ASSESS_MONITORING_COVERAGE', 10), ('ASSESS_WARNINGS_HANDLED', 10),
                             ('ASSESS_SELF_EVAL_COVERAGE', 15), ('ASSESS_SELF_EVAL_HONESTY', 10),
                             ('ASSESS_RECTIFICATION_ON_TIME', 15), ('ASSESS_RESULTS_APPLIED', 15)])


def assessments(notices):
    """§6 at the LINK, after COMPILE/PUBLISHED: every project PASS without a SYNC_* finding, no warning, no selfScore,
    no notice of 2026, no predecessor; no department input, so no composite (nobody praised); a department whose case
    of 2027 reached INTERVIEW at the LINK is criticised."""
    rows = []
    totals = OrderedDict()
    for dept, (_, items) in DEPARTMENTS.items():
        n = len(items)
        shares = OrderedDict([('ASSESS_TARGETS_ON_TIME', D(n) / n), ('ASSESS_TARGETS_QUALITY', D(1)),
                              ('ASSESS_MONITORING_COVERAGE', D(n) / n), ('ASSESS_WARNINGS_HANDLED', D(1)),
                              ('ASSESS_SELF_EVAL_COVERAGE', D(0) / n), ('ASSESS_SELF_EVAL_HONESTY', D(1)),
                              ('ASSESS_RECTIFICATION_ON_TIME', D(1)), ('ASSESS_RESULTS_APPLIED', D(1))])
        parts = [ASSESS_POINTS[k] * shares[k] for k in ASSESS_POINTS]
        totals[dept] = (parts, sum(parts, D(0)) * 100 / sum(ASSESS_POINTS.values()))
    ranked = sorted(totals, key=lambda d: (-totals[d][1], d))
    rank, previous = 0, None
    for i, dept in enumerate(ranked):
        parts, total = totals[dept]
        if previous is None or total != previous:
            rank, previous = i + 1, total
        interviewed = any(x['dept'] == dept and x['type'] in ('INTERVIEW', 'REFERRAL') and not x['triggers']
                          for x in notices)
        rows.append('| %s-%d.DEPARTMENT.%s | %s | **%s** | %s | %d of %d | %s |' % (
            R, YEAR, dept, ' '.join(str(p.quantize(D('0.01'))) for p in parts), total.quantize(D('0.01')), grade(total),
            rank, len(ranked), 'CRITICISM' if interviewed or grade(total) == 'POOR' else '-'))
    return ['', '### Work assessment and ranking at the LINK (rules.md §6)', '',
            'With the COMPILE/PUBLISHED event handled first (CloseLoopIT): each project\'s latest PUBLISHED verdict is PASS '
            'without a SYNC_* finding; no monitoring round, no `selfScore`, no notice of 2026, no predecessor. The LINK '
            'assesses with the notices it issues itself; the later escalations are the follow-up\'s (the next year\'s '
            'assessment reads them as its RECTIFICATION_ON_TIME and open cases).', '',
            '| assessment | parts | total | grade | rank | list |', '|---|---|---|---|---|---|', *rows, '']


def region():
    projects, evaluations = projects_and_evaluations()
    # every project is checked once at compile (its PUBLISHED verdict), then the close stage of the whole year
    events = [OrderedDict([('year', YEAR), ('stage', 'COMPILE'), ('phase', 'PUBLISHED'),
                           ('projectCodes', [p['projectCode'] for p in projects]),
                           ('occurredAt', '2027-02-20T10:00:00+08:00')]),
              OrderedDict([('year', YEAR), ('stage', 'CLOSE'), ('phase', 'EVALUATE'), ('projectCodes', []),
                           ('occurredAt', '2028-06-15T10:00:00+08:00')]),
              OrderedDict([('year', YEAR), ('stage', 'CLOSE'), ('phase', 'LINK'), ('projectCodes', []),
                           ('occurredAt', LINK_DATE.isoformat() + 'T10:00:00+08:00')])]
    events += [OrderedDict([('year', YEAR), ('stage', 'CLOSE'), ('phase', 'FOLLOW_UP'), ('projectCodes', []),
                            ('occurredAt', a + 'T18:00:00+08:00'), ('asOf', a)]) for a in FOLLOW_UPS]
    feedback = [OrderedDict([('noticeId', nid), ('submittedOn', sub), ('status', status)]
                            + ([('decidedOn', decided)] if decided else [])
                            + ([('violationClue', clue)] if clue is not None else [])
                            + [('comment', '整改情况说明（演示）')])
                for nid, sub, status, decided, clue in FEEDBACK]
    return OrderedDict([('regionCode', R), ('name', NAME), ('year', YEAR), ('projects', projects), ('execution', []),
                        ('evaluations', evaluations), ('departments', []), ('events', []),
                        ('scriptedEvents', events), ('evaluators', []), ('noticeFeedback', feedback)])


def main():
    path = os.path.join(OUT, 'demo-dataset.json')
    with open(path, encoding='utf-8') as fh:
        doc = json.load(fh, object_pairs_hook=OrderedDict)
    doc['regions'] = [r for r in doc['regions'] if r.get('regionCode') != R] + [region()]
    with open(path, 'w', encoding='utf-8') as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
    notices, escalations = year()
    md = os.path.join(OUT, 'EXPECTED.md')
    with open(md, encoding='utf-8') as fh:
        text = fh.read()
    if SECTION in text:
        text = text[:text.index(SECTION)].rstrip('\n') + '\n'
    with open(md, 'w', encoding='utf-8') as fh:
        fh.write(text.rstrip('\n') + '\n' + expected(notices, escalations))
    return escalations


if __name__ == '__main__':
    main()

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

# rules.md §2 / §4: two monitoring rounds (EXECUTE/MONITOR), project number → execution rate per round (None: no
# snapshot, NO_DATA). Every project is under key monitoring (budget ≥ monitor.key.minBudget 2 000 000).
ROUNDS = [('2027-07-31', '2027-08-06'), ('2027-09-30', '2027-10-10')]  # (asOf, handled on)
RATES = OrderedDict([(201, ('0.25', '0.52')),   # RED, then the key RED again (< 60 % after 08-31): never cleared
                     (202, ('0.36', '0.70')),   # YELLOW, cleared
                     (203, ('0.35', '0.65')),   # YELLOW, cleared
                     (204, ('0.55', '0.72')),
                     (205, (None, '0.72')),     # no snapshot in round 1: NO_DATA (YELLOW), cleared
                     (206, ('0.25', '0.72')),   # RED, cleared
                     (207, ('0.55', '0.72'))])
# 302's project is major (isMajor, 6 000 000, ex-ante DONE SUPPORT): a key project in EX_ANTE_REQUIRED's scope
MAJOR = 201
MAJOR_BUDGET = '6000000.00'
# rules.md §4.1: 302 sends a department input without components, so PerfLink computes all four from its records
DEPARTMENT_INPUTS = [('302', '80000000.00')]


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
            budget = MAJOR_BUDGET if n == MAJOR else '2000000.00'
            dates = OrderedDict(v11.DATES)
            p = OrderedDict([('projectCode', code), ('revision', 1), ('regionCode', R), ('year', YEAR),
                             ('departmentCode', dept), ('departmentName', name), ('unitCode', dept + '001'),
                             ('unitName', name + '机关'), ('name', pname), ('kind', 'PROJECT'),
                             ('functionCode', v11.FUNCTION), ('isNew', False), ('isMajor', n == MAJOR),
                             ('budgetAmount', budget), ('budgetPhase', 'PUBLISHED'), ('budgetPhaseDates', dates),
                             ('exAnte', OrderedDict([('status', 'DONE'), ('conclusion', 'SUPPORT'),
                                                     ('date', '2026-09-20')]) if n == MAJOR else None),
                             ('target', OrderedDict([('phase', 'PUBLISHED'), ('phaseDates', dates),
                                                     ('reviews', v11.reviews()), ('overallGoal', '按期完成项目建设任务'),
                                                     ('indicators', v11.indicators())]))])
            projects.append(p)
            evaluations.append(OrderedDict([
                ('projectCode', p['projectCode']), ('year', YEAR), ('kind', 'PROJECT'), ('recurrence', 'CONTINUING'),
                ('departmentCode', dept), ('budgetAmount', budget), ('paidAmount', budget),
                ('indicators', full), ('keyEvaluationScore', key), ('nextYearRequest', '2000000.00')]))
    return projects, evaluations


FULL_ACTUALS = [('I1', '12'), ('I2', '100'), ('I3', '95'), ('C1', '1.4'), ('B1', '600'), ('S1', '92')]


def code_of(n):
    return '%s-%d-%06d' % (R, YEAR, n)


def budget_of(n):
    return D(MAJOR_BUDGET if n == MAJOR else '2000000.00')


def execution():
    """The snapshots of both rounds: paid = budget × rate; every indicator already at its annual value (no TARGET_*)."""
    out = []
    for i, (as_of, _) in enumerate(ROUNDS):
        for n, rates in RATES.items():
            if rates[i] is None:
                continue
            b = budget_of(n)
            out.append(OrderedDict([('projectCode', code_of(n)), ('year', YEAR), ('asOf', as_of),
                                    ('budgetAmount', str(b)), ('paidAmount', str((b * D(rates[i])).quantize(D('0.01')))),
                                    ('indicators', [OrderedDict([('code', c), ('actual', a)]) for c, a in FULL_ACTUALS])]))
    return out


def time_progress(as_of):
    d = day(as_of)
    return D((d - dt.date(d.year, 1, 1)).days + 1) / D((dt.date(d.year + 1, 1, 1) - dt.date(d.year, 1, 1)).days)


LEVELS = ['NONE', 'BLUE', 'YELLOW', 'RED']


def round_levels(i):
    """rules.md §2 for round i: project number → {type: level} (BLUE/YELLOW/RED lag bands 0.10/0.20/0.30 of the
    linear time progress; the key rule RED below 60 % from 08-31 on; NO_DATA YELLOW without a snapshot)."""
    as_of = ROUNDS[i][0]
    tp = time_progress(as_of)
    out = OrderedDict()
    for n, rates in RATES.items():
        if rates[i] is None:
            out[n] = {'NO_DATA': 'YELLOW'}
            continue
        rate = D(rates[i])
        gap = tp - rate
        level = 'RED' if gap >= D('0.30') else 'YELLOW' if gap >= D('0.20') else 'BLUE' if gap >= D('0.10') else 'NONE'
        if budget_of(n) >= D('2000000') and rate < D('0.60') and as_of[5:] >= '08-31':
            level = 'RED'
        out[n] = {'EXECUTION_LAG': level} if level != 'NONE' else {}
    return out


def monitoring():
    """Every YELLOW/RED warning of the year and whether the next round cleared it (a lower level, none or NONE; the
    last round clears nothing); m per project (§4: 100 − 10 × uncleared RED − 5 × uncleared YELLOW)."""
    rounds = [round_levels(i) for i in range(len(ROUNDS))]
    warnings = []
    for i, levels in enumerate(rounds):
        for n, types in levels.items():
            for t, level in types.items():
                if level not in ('YELLOW', 'RED'):
                    continue
                nxt = rounds[i + 1][n].get(t, 'NONE') if i + 1 < len(rounds) else None
                cleared = nxt is not None and LEVELS.index(nxt) < LEVELS.index(level)
                warnings.append(dict(n=n, id='%s.%s.%s' % (code_of(n), ROUNDS[i][0], t), type=t, level=level,
                                     cleared=cleared, by=ROUNDS[i + 1][0] if cleared else None))
    m = OrderedDict()
    for n in RATES:
        red = sum(1 for w in warnings if w['n'] == n and w['level'] == 'RED' and not w['cleared'])
        yellow = sum(1 for w in warnings if w['n'] == n and w['level'] == 'YELLOW' and not w['cleared'])
        m[n] = max(D(0), D(100) - 10 * red - 5 * yellow)
    return rounds, warnings, m


COMPOSITE_WEIGHTS = OrderedDict([('KEY_ASSESSMENT', D('0.2')), ('KEY_TARGETS', D('0.2')), ('KEY_MONITORING', D('0.2')),
                                 ('OVERALL_EVALUATION', D('0.4'))])


def composites(m, with_verdicts=True, with_rounds=True):
    """rules.md §4.1 / §3.3 for the departments with an input (none sends a component): every project is PUBLISHED
    PASS (verdict points 1) when the COMPILE event was handled; key = isMajor or ≥ 5 000 000; ex-ante points of a
    DONE SUPPORT 100; OVERALL_EVALUATION = Σ score·budget / Σ budget of the key scores."""
    out = OrderedDict()
    for dept, baseline in DEPARTMENT_INPUTS:
        items = DEPARTMENTS[dept][1]
        key = [n for n, _, _ in items if n == MAJOR or budget_of(n) >= D('5000000')]
        c = OrderedDict()
        scope = [n for n, _, _ in items if n == MAJOR and budget_of(n) >= D('5000000')]  # (isNew or isMajor), ≥ 5 000 000
        c['KEY_ASSESSMENT'] = (sum((D(100) for n in scope), D(0)) / len(scope), len(scope))  # DONE SUPPORT, no score
        c['KEY_TARGETS'] = (D(100) * (D(1) if with_verdicts else D(0)), len(key))
        if with_rounds:  # every project of D is key-monitored and in a round
            c['KEY_MONITORING'] = (sum((m[n] for n, _, _ in items), D(0)) / len(items), len(items))
        total_budget = sum((budget_of(n) for n, _, _ in items), D(0))
        c['OVERALL_EVALUATION'] = (sum((D(k) * budget_of(n) for n, _, k in items), D(0)) / total_budget, len(items))
        comp = (sum((COMPOSITE_WEIGHTS[k] * v for k, (v, _) in c.items()), D(0))
                / sum((COMPOSITE_WEIGHTS[k] for k in c), D(0)))
        coef = dict(EXCELLENT=D('1.03'), GOOD=D('1.00'), MEDIUM=D('0.97'), POOR=D('0.90'))[grade(comp)]
        out[dept] = dict(components=c, composite=comp, grade=grade(comp), coefficient=coef, baseline=D(baseline),
                         delta=(D(baseline) * (coef - 1)).quantize(D('0.01')))
    return out


def first_notices(warnings=(), comps=None):
    """rules.md §3.4 from the project grades, the year's RED warnings and the department composites (302's)."""
    comps = comps or {}
    notices = []
    for dept, (_, items) in DEPARTMENTS.items():
        grades = [grade(k) for _, _, k in items]
        poor = grades.count('POOR')
        red = any(w['level'] == 'RED' and w['n'] in [n for n, _, _ in items] for w in warnings)
        composite = comps[dept]['grade'] if dept in comps else None
        kinds = []
        if 'MEDIUM' in grades or red:
            kinds.append('REMINDER')
        if poor or composite == 'MEDIUM':
            kinds.append('RECTIFICATION')
        if poor >= 3 or composite == 'POOR':
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


def year(warnings=(), comps=None):
    notices = first_notices(warnings, comps)
    escalations = []
    for as_of in FOLLOW_UPS:
        steps = follow_up(notices, day(as_of))
        escalations += steps
        notices += steps
    return notices, escalations


def expected(notices, escalations, mon, comps):
    L = ['', SECTION, '',
         'Run with `contract = 1.1` (config/demo/org.perflink.region-460100.cfg: `hostContract = 1.1`; a 1.0 host gets '
         'no follow-up). Departments 302–306 (key-evaluation scores fix each project\'s grade; 2 000 000 each but 302\'s '
         '000201, major, 6 000 000, ex-ante DONE SUPPORT; CONTINUING, '
         'requests 2 000 000; targets shaped as 440400-2027-000107\'s, so their COMPILE/PUBLISHED verdicts of 2027-02-20 '
         'are PASS). Events, in order: EXECUTE/MONITOR at 2027-07-31 and 2027-09-30 (below), the whole-year CLOSE/LINK of 2028-06-30 issues the first '
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
    L += monitoring_lines(mon, comps)
    L += assessments(notices, mon)
    return '\n'.join(L)


# rules.md §6 defaults (P), in the order the Assessment writes its parts
ASSESS_POINTS = OrderedDict([('ASSESS_TARGETS_ON_TIME', 15), ('ASSESS_TARGETS_QUALITY', 10),
                             ('ASSESS_MONITORING_COVERAGE', 10), ('ASSESS_WARNINGS_HANDLED', 10),
                             ('ASSESS_SELF_EVAL_COVERAGE', 15), ('ASSESS_SELF_EVAL_HONESTY', 10),
                             ('ASSESS_RECTIFICATION_ON_TIME', 15), ('ASSESS_RESULTS_APPLIED', 15)])


def monitoring_lines(mon, comps):
    rounds, warnings, m = mon
    L = ['### Monitoring rounds (EXECUTE/MONITOR, rules.md §2) and their clearance (§4)', '',
         'Linear time progress 212/365 = %s (2027-07-31) and 273/365 = %s (2027-09-30); every project is under key '
         'monitoring (budget ≥ 2 000 000), so from 08-31 on below 60 %% spent is RED; the indicators are at their '
         'annual values in both rounds (no TARGET_*). Warning id `{projectCode}.{asOf}.{type}`; a cleared warning gets '
         'a NONE record of the round that cleared it.' % (time_progress(ROUNDS[0][0]).quantize(D('0.0001')),
                                                           time_progress(ROUNDS[1][0]).quantize(D('0.0001'))), '',
         '| project | department | round 1 rate → level | round 2 rate → level | m |', '|---|---|---|---|---|']
    dept_of = {n: d for d, (_, items) in DEPARTMENTS.items() for n, _, _ in items}
    for n, rates in RATES.items():
        cells = []
        for i, r in enumerate(rates):
            t = rounds[i][n]
            cells.append('%s → %s' % (r or '— (no snapshot)', ', '.join('%s %s' % kv for kv in t.items()) or 'none'))
        L.append('| %s | %s | %s | %s | %s |' % (code_of(n), dept_of[n], cells[0], cells[1], m[n].quantize(D('0.01'))))
    L += ['', '| warning | level | cleared by |', '|---|---|---|']
    for w in warnings:
        L.append('| %s | %s | %s |' % (w['id'], w['level'], w['by'] or '— (uncleared)'))
    L += ['', 'YELLOW/RED warnings: %d, cleared: %d. A RED warning in the year means a REMINDER (§3.4): 302 and 305 '
          'have one already (a MEDIUM project), so the notices stay as above.' % (
              len(warnings), sum(1 for w in warnings if w['cleared'])), '',
          '### Department composite from PerfLink\'s records (rules.md §4.1, §3.3)', '',
          '302 sends a department input with no components (baseline as below, no deductions), so PerfLink computes '
          'all four (`basis.components`, `source` PERFLINK, unrounded):', '',
          '| department | KEY_ASSESSMENT (n) | KEY_TARGETS (n) | KEY_MONITORING (n) | OVERALL_EVALUATION (n) | composite | '
          'grade | coefficient | baseline → delta |', '|---|---|---|---|---|---|---|---|---|']
    for dept, c in comps.items():
        comp = c['components']
        L.append('| %s | %s | **%s** | %s | %s | %s → %s |' % (
            dept, ' | '.join('%s (%d)' % (v.quantize(D('0.01')), n) for v, n in comp.values()),
            c['composite'].quantize(D('0.01')), c['grade'], c['coefficient'], c['baseline'], c['delta']))
    L += ['', 'GOOD: no RECTIFICATION/INTERVIEW from the composite (§3.4); not EXCELLENT, so nothing for the praise list. '
          'Without the COMPILE event (no PUBLISHED verdict: KEY_TARGETS 0) and without the rounds (KEY_MONITORING left '
          'out) the composite would be %s (%s), which is why FollowUpIT handles COMPILE first.' % (
              composites(m, with_verdicts=False, with_rounds=False)['302']['composite'].quantize(D('0.01')),
              composites(m, with_verdicts=False, with_rounds=False)['302']['grade']), '']
    return L


def assessments(notices, mon):
    """§6 at the LINK, after COMPILE/PUBLISHED and both rounds: every project PASS without a SYNC_* finding, no
    selfScore, no notice of 2026, no predecessor; coverage = share without NO_DATA, warnings handled = share of the
    YELLOW/RED warnings cleared (no warning: full points). 302's composite is GOOD (no praise: its grade is not
    EXCELLENT); a department whose case of 2027 reached INTERVIEW at the LINK is criticised."""
    _, warnings, _ = mon
    rows = []
    totals = OrderedDict()
    for dept, (_, items) in DEPARTMENTS.items():
        n = len(items)
        ns = [k for k, _, _ in items]
        mine = [w for w in warnings if w['n'] in ns]
        covered = sum(1 for k in ns if not any(w['n'] == k and w['type'] == 'NO_DATA' for w in warnings))
        handled = D(sum(1 for w in mine if w['cleared'])) / len(mine) if mine else D(1)
        shares = OrderedDict([('ASSESS_TARGETS_ON_TIME', D(n) / n), ('ASSESS_TARGETS_QUALITY', D(1)),
                              ('ASSESS_MONITORING_COVERAGE', D(covered) / n), ('ASSESS_WARNINGS_HANDLED', handled),
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
            'With the COMPILE/PUBLISHED event and both monitoring rounds handled first (CloseLoopIT): each project\'s '
            'latest PUBLISHED verdict is PASS without a SYNC_* finding; no `selfScore`, no notice of 2026, no '
            'predecessor. ASSESS_MONITORING_COVERAGE: 304 has 2 of 3 projects without NO_DATA (000205 had no snapshot '
            'in round 1); ASSESS_WARNINGS_HANDLED: 302\'s two RED warnings stay uncleared (0 of 2), the others\' are all '
            'cleared, 306 has none (full points). The LINK assesses with the notices it issues itself; the later '
            'escalations are the follow-up\'s (the next year\'s assessment reads them as its RECTIFICATION_ON_TIME and '
            'open cases). Parts in the order TARGETS_ON_TIME, TARGETS_QUALITY, MONITORING_COVERAGE, WARNINGS_HANDLED, '
            'SELF_EVAL_COVERAGE, SELF_EVAL_HONESTY, RECTIFICATION_ON_TIME, RESULTS_APPLIED.', '',
            '| assessment | parts | total | grade | rank | list |', '|---|---|---|---|---|---|', *rows, '']


def region():
    projects, evaluations = projects_and_evaluations()
    # every project is checked once at compile (its PUBLISHED verdict), then the close stage of the whole year
    events = [OrderedDict([('year', YEAR), ('stage', 'COMPILE'), ('phase', 'PUBLISHED'),
                           ('projectCodes', [p['projectCode'] for p in projects]),
                           ('occurredAt', '2027-02-20T10:00:00+08:00')])]
    events += [OrderedDict([('year', YEAR), ('stage', 'EXECUTE'), ('phase', 'MONITOR'),
                            ('projectCodes', [p['projectCode'] for p in projects]), ('occurredAt', on + 'T18:00:00+08:00'),
                            ('asOf', as_of)]) for as_of, on in ROUNDS]
    events += [OrderedDict([('year', YEAR), ('stage', 'CLOSE'), ('phase', 'EVALUATE'), ('projectCodes', []),
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
    return OrderedDict([('regionCode', R), ('name', NAME), ('year', YEAR), ('projects', projects), ('execution', execution()),
                        ('evaluations', evaluations), ('departments', departments()), ('events', []),
                        ('scriptedEvents', events), ('evaluators', []), ('noticeFeedback', feedback)])


def departments():
    return [OrderedDict([('departmentCode', dept), ('year', YEAR), ('components', OrderedDict()), ('deductions', []),
                         ('nextYearBaseline', baseline)]) for dept, baseline in DEPARTMENT_INPUTS]


def main():
    path = os.path.join(OUT, 'demo-dataset.json')
    with open(path, encoding='utf-8') as fh:
        doc = json.load(fh, object_pairs_hook=OrderedDict)
    doc['regions'] = [r for r in doc['regions'] if r.get('regionCode') != R] + [region()]
    with open(path, 'w', encoding='utf-8') as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
    mon = monitoring()
    comps = composites(mon[2])
    notices, escalations = year(mon[1], comps)
    md = os.path.join(OUT, 'EXPECTED.md')
    with open(md, encoding='utf-8') as fh:
        text = fh.read()
    if SECTION in text:
        text = text[:text.index(SECTION)].rstrip('\n') + '\n'
    with open(md, 'w', encoding='utf-8') as fh:
        fh.write(text.rstrip('\n') + '\n' + expected(notices, escalations, mon, comps))
    return escalations


if __name__ == '__main__':
    main()

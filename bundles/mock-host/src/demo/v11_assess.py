#!/usr/bin/env python3
"""Adds the work-assessment demo region 440500 佛山市(演示) (host contract v1.1) to demo-dataset.json and its section
to EXPECTED.md: four departments whose 2027 work assessments (rules.md §6) tie at the top, put one department on the
praise list (通报表扬) and one on the criticism list (通报批评).

The verdicts and scores come from build_demo_dataset's own reading of rules.md §1 and §3.1 (compile_findings,
score); the assessment, the ranking and the lists are this module's independent reading of §6. A separate region, so
that every expectation of the other regions stays as it was. Run after build_demo_dataset.py (which calls it);
running it again replaces the region and the section.
"""
import json
import os
from collections import OrderedDict
from decimal import Decimal as D, ROUND_HALF_UP

import build_demo_dataset as demo

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'main', 'resources', 'datasets')
R = '440500'
YEAR = 2027
SECTION = '## 440500 佛山市(演示) — work assessment and ranking (rules.md §6, host contract v1.1)'
DATES = OrderedDict([('DECLARED', '2026-10-16'), ('REVIEWED', '2026-11-12'), ('APPROVED', '2027-01-26'),
                     ('PUBLISHED', '2027-02-15')])
DEPTS = OrderedDict([('401', '市教育局'), ('402', '市卫生健康局'), ('403', '市交通运输局'), ('404', '市农业农村局')])
# the host's 部门整体 evaluation: with no key projects, key monitoring or ex-ante scope, it is the composite (§4.1)
OVERALL = {'401': '92', '402': '75', '403': '80', '404': '55'}
# rules.md §6 defaults (P)
POINTS = OrderedDict([('ASSESS_TARGETS_ON_TIME', 15), ('ASSESS_TARGETS_QUALITY', 10), ('ASSESS_MONITORING_COVERAGE', 10),
                      ('ASSESS_WARNINGS_HANDLED', 10), ('ASSESS_SELF_EVAL_COVERAGE', 15),
                      ('ASSESS_SELF_EVAL_HONESTY', 10), ('ASSESS_RECTIFICATION_ON_TIME', 15),
                      ('ASSESS_RESULTS_APPLIED', 15)])
PRAISE_MAX_RANK = 10
VERDICT_POINTS = {'PASS': D(1), 'WARN': D('0.8'), 'BLOCK': D(0)}


def ind(code, level1, level2, name, op, value, unit):
    return OrderedDict([('code', code), ('level1', level1), ('level2', level2), ('name', name),
                        ('type', 'QUANTITATIVE'), ('operator', op), ('value', value), ('unit', unit),
                        ('valueSource', 'PLAN')])


def indicators():
    return [ind('I1', 'OUTPUT', 'QUANTITY', '完成任务数量', 'GE', '12', '项'),
            ind('I2', 'OUTPUT', 'QUALITY', '验收合格率', 'GE', '100', '%'),
            ind('I3', 'OUTPUT', 'TIMELINESS', '按期完成率', 'GE', '95', '%'),
            ind('C1', 'COST', 'ECONOMIC_COST', '单项任务成本', 'LE', '20', '万元'),
            ind('B1', 'BENEFIT', 'SOCIAL', '受益人数', 'GE', '600', '人'),
            ind('S1', 'SATISFACTION', 'SATISFACTION', '服务对象满意度', 'GE', '90', '%')]


def project(n, dept, name, target_phase='PUBLISHED'):
    code = '%s-%d-%06d' % (R, YEAR, n)
    tphases = list(DATES)[:list(DATES).index(target_phase) + 1]
    reviews = [OrderedDict([('level', lv), ('outcome', 'PASS'), ('date', d)])
               for lv, d in (('UNIT', '2026-10-16'), ('DEPARTMENT', '2026-10-28'), ('FINANCE', '2026-11-08'))]
    return OrderedDict([
        ('projectCode', code), ('revision', 1), ('regionCode', R), ('year', YEAR), ('departmentCode', dept),
        ('departmentName', DEPTS[dept]), ('unitCode', dept + '001'), ('unitName', DEPTS[dept] + '机关'), ('name', name),
        ('kind', 'PROJECT'), ('functionCode', '2050202'), ('isNew', False), ('isMajor', False),
        ('budgetAmount', '3000000.00'), ('budgetPhase', 'PUBLISHED'), ('budgetPhaseDates', OrderedDict(DATES)),
        ('exAnte', None),
        ('target', OrderedDict([('phase', target_phase), ('phaseDates', OrderedDict((k, DATES[k]) for k in tphases)),
                                ('reviews', reviews), ('overallGoal', '按期完成年度任务，服务对象满意'),
                                ('indicators', indicators())]))])


FULL = [{'code': 'I1', 'actual': '12'}, {'code': 'I2', 'actual': '100'}, {'code': 'I3', 'actual': '95'},
        {'code': 'C1', 'actual': '18'}, {'code': 'B1', 'actual': '600'}, {'code': 'S1', 'actual': '92'}]


def evaluation(p, self_score, actuals=FULL):
    e = OrderedDict([('projectCode', p['projectCode']), ('year', YEAR), ('kind', 'PROJECT'), ('recurrence', 'CONTINUING'),
                     ('departmentCode', p['departmentCode']), ('budgetAmount', '3000000.00'),
                     ('paidAmount', '3000000.00'), ('indicators', actuals), ('nextYearRequest', '3000000.00')])
    if self_score is not None:
        e['selfScore'] = self_score
    return e


def design():
    """(project, evaluation) pairs: 401 two clean projects; 402 one; 403 a target not published with the budget and
    no self-evaluation; 404 a self-score well above the evaluated one (B1 half reached)."""
    p1, p2 = project(101, '401', '义务教育课后服务'), project(102, '401', '校园安全提升')
    p3 = project(103, '402', '基层医疗能力提升')
    p4 = project(104, '403', '农村公路养护', target_phase='APPROVED')
    p5 = project(105, '404', '高标准农田建设')
    half = [dict(a, actual='300') if a['code'] == 'B1' else a for a in FULL]
    return [(p1, evaluation(p1, '98')), (p2, evaluation(p2, '100')), (p3, evaluation(p3, '96')),
            (p4, evaluation(p4, None)), (p5, evaluation(p5, '99', half))]


def cents(x):
    return str(D(x).quantize(D('0.01'), rounding=ROUND_HALF_UP))


def share(n, of):
    return D(1) if of == 0 else D(n) / D(of)


def assess(pairs):
    """rules.md §6, read independently: parts, total, grade, competition rank, lists."""
    rows = OrderedDict()
    for dept in DEPTS:
        mine = [(p, e) for p, e in pairs if p['departmentCode'] == dept]
        facts = []
        for p, e in mine:
            findings, outcome = demo.compile_findings(p, 'PUBLISHED')
            on_time = not any(rid.startswith('SYNC_') and sev == 'BLOCK' for rid, sev in findings)
            computed = demo.score(p, e)[0]
            self_score = e.get('selfScore')
            facts.append(dict(code=p['projectCode'], outcome=outcome, on_time=on_time, score=computed,
                              self=self_score is not None,
                              inflated=self_score is not None and D(self_score) - computed > 10))
        n = len(facts)
        sh = OrderedDict()
        sh['ASSESS_TARGETS_ON_TIME'] = share(sum(f['on_time'] for f in facts), n)
        sh['ASSESS_TARGETS_QUALITY'] = (sum(VERDICT_POINTS[f['outcome']] for f in facts) / n) if n else D(1)
        sh['ASSESS_MONITORING_COVERAGE'] = D(1)   # no NO_DATA warning: the region has no monitoring round
        sh['ASSESS_WARNINGS_HANDLED'] = D(1)      # no YELLOW/RED warning: nothing to clear
        sh['ASSESS_SELF_EVAL_COVERAGE'] = share(sum(f['self'] for f in facts), n)
        selfs = [f for f in facts if f['self']]
        sh['ASSESS_SELF_EVAL_HONESTY'] = D(1) - share(sum(f['inflated'] for f in selfs), len(selfs)) if selfs else D(1)
        sh['ASSESS_RECTIFICATION_ON_TIME'] = D(1)  # no notice of 2026 to this region's departments
        sh['ASSESS_RESULTS_APPLIED'] = D(1)        # no predecessor: no adjustment to honour
        parts = OrderedDict((k, POINTS[k] * v) for k, v in sh.items())
        total = sum(parts.values()) * 100 / sum(POINTS.values())
        composite = D(OVERALL[dept])
        rows[dept] = dict(parts=parts, total=total, grade=demo.grade(total), composite=composite,
                          composite_grade=demo.grade(composite), facts=facts)
    ordered = sorted(rows, key=lambda d: (-rows[d]['total'], d))
    for i, d in enumerate(ordered):
        prev = ordered[i - 1] if i else None
        rows[d]['rank'] = rows[prev]['rank'] if prev and rows[prev]['total'] == rows[d]['total'] else i + 1
    for d, r in rows.items():
        # §3.4: a POOR composite brings an INTERVIEW, a case of Y that reached INTERVIEW
        interview = r['composite_grade'] == 'POOR'
        criticised = r['grade'] == 'POOR' or r['composite_grade'] == 'POOR' or interview
        praised = (not criticised and r['grade'] == 'EXCELLENT' and r['rank'] <= PRAISE_MAX_RANK
                   and r['composite_grade'] in ('EXCELLENT', 'GOOD'))
        r['list'] = 'CRITICISM' if criticised else 'PRAISE' if praised else None
    return rows, ordered


def region(pairs):
    ev = lambda stage, phase, codes, at: OrderedDict([('year', YEAR), ('stage', stage), ('phase', phase),
                                                      ('projectCodes', codes), ('occurredAt', at)])
    scripted = [ev('COMPILE', 'PUBLISHED', [p['projectCode'] for p, _ in pairs], '2027-02-15T10:00:00+08:00'),
                ev('CLOSE', 'EVALUATE', [], '2028-03-31T10:00:00+08:00'),
                ev('CLOSE', 'LINK', [], '2028-04-15T10:00:00+08:00')]
    departments = [OrderedDict([('departmentCode', d), ('year', YEAR),
                                ('components', OrderedDict([('OVERALL_EVALUATION', OVERALL[d])])), ('deductions', []),
                                ('nextYearBaseline', '50000000.00')]) for d in DEPTS]
    return OrderedDict([('regionCode', R), ('name', '佛山市(演示)'), ('year', YEAR), ('projects', [p for p, _ in pairs]),
                        ('execution', []), ('evaluations', [e for _, e in pairs]), ('departments', departments),
                        ('events', []), ('scriptedEvents', scripted)])


def expected(rows, ordered):
    out = ['', SECTION, '',
           'Run with PerfLink\'s `org.perflink.host` `contract = 1.1` (Assessment is a v1.1 kind; a 1.0 host gets none).',
           'Events: COMPILE/PUBLISHED of the five projects (2027-02-15), CLOSE/EVALUATE, then the whole-year CLOSE/LINK',
           '(2028-04-15), which writes one Assessment `440500-2027.DEPARTMENT.{code}` per department. No monitoring round,',
           'no notice of 2026 and no predecessor: MONITORING_COVERAGE, WARNINGS_HANDLED, RECTIFICATION_ON_TIME and',
           'RESULTS_APPLIED have nothing to count and give full points. The composite is the host\'s OVERALL_EVALUATION',
           '(no key project, no key monitoring, no ex-ante scope).', '',
           '| rank | department | ' + ' | '.join(k[len('ASSESS_'):] for k in POINTS) + ' | total | grade | composite | list |',
           '|' + '---|' * (len(POINTS) + 6)]
    for d in ordered:
        r = rows[d]
        out.append('| %d/%d | %s %s | %s | **%s** | %s | %s %s | %s |' % (
            r['rank'], len(rows), d, DEPTS[d], ' | '.join(cents(v) for v in r['parts'].values()), cents(r['total']),
            r['grade'], cents(r['composite']), r['composite_grade'], r['list'] or '—'))
    out += ['', 'Per project (verdict at PUBLISHED; computed score; self-score):', '']
    for d in DEPTS:
        for f in rows[d]['facts']:
            out.append('- %s (%s): %s%s, score %s%s' % (
                f['code'], d, f['outcome'], '' if f['on_time'] else ' with a blocking SYNC_ finding',
                cents(f['score']), ', self-score inflated' if f['inflated'] else ('' if f['self'] else ', no self-score')))
    out += ['', 'Ties share a rank (competition ranking 1, 1, 3, 4). 401 is praised (EXCELLENT, rank 1, composite',
            'EXCELLENT); 402 ties with it but its composite is MEDIUM, so it is not; 404 is criticised for its POOR',
            'composite (which also brings it an INTERVIEW notice), though its own assessment is EXCELLENT.', '',
            'The v1.1 region 440400 above gets one more Assessment from its whole-year LINK, by the same reading:',
            '`440400-2027.DEPARTMENT.301`, rank 1/1: no PUBLISHED verdict of 2027 (TARGETS_ON_TIME 0.00, TARGETS_QUALITY',
            'nothing to count 10.00), the YELLOW warning of 440400-2027-000107 of the last round is not cleared',
            '(WARNINGS_HANDLED 0.00), the rest full: **75.00 MEDIUM**, no composite (no department input), no list.', '']
    return '\n'.join(out)


def main():
    pairs = design()
    rows, ordered = assess(pairs)
    path = os.path.join(OUT, 'demo-dataset.json')
    with open(path, encoding='utf-8') as fh:
        doc = json.load(fh, object_pairs_hook=OrderedDict)
    doc['regions'] = [r for r in doc['regions'] if r.get('regionCode') != R] + [region(pairs)]
    with open(path, 'w', encoding='utf-8') as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
    md = os.path.join(OUT, 'EXPECTED.md')
    with open(md, encoding='utf-8') as fh:
        text = fh.read()
    if SECTION in text:
        text = text[:text.index(SECTION)].rstrip('\n') + '\n'
    with open(md, 'w', encoding='utf-8') as fh:
        fh.write(text.rstrip('\n') + '\n' + expected(rows, ordered))


if __name__ == '__main__':
    main()

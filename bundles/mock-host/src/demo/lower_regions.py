#!/usr/bin/env python3
"""Lower regions of the v1.1 region 440400 珠海市(演示) (rules.md §4.3, §5 last bullet): 440402 香洲区(演示) and
440403 斗门区(演示), their transfer baselines on 440400's host (the v1.1 `subregions` pull) and their section of
EXPECTED.md, computed here from this script's own reading of the rules.

The two lower regions live in a separate overlay, datasets/demo-lower-regions.json (mock host dataset spec
`demo+lower-regions`, which `./perflink demo` uses), so that Dataset.demo() and every expectation of the four demo
regions stay as they were. Their COMPILE-free year is served from the start (CLOSE/EVALUATE only), so PerfLink has
handled it long before 440400's whole-year LINK of the demo's CLOSE step. Run after v11_region.py (which rebuilds
440400): main() adds 440400's `subregions` and replaces this section.
"""
import json
import os
from collections import OrderedDict
from decimal import Decimal, ROUND_HALF_UP

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'main', 'resources', 'datasets')
UPPER = '440400'
YEAR = 2027
BUDGET_YEAR = YEAR + 1                      # link.budgetYearOffset = 1
LINK_DATE = '2028-06-30'                    # 440400's whole-year LINK (v11_region.py)
SECTION = '## Lower regions of 440400 — rules v2 §4.3 下级综合绩效 → 转移支付'

# rules.md §4.3 defaults (P); grade bands of the Arithmetic section; deductions capped at 20
WEIGHTS = OrderedDict([('TARGETS', Decimal('0.2')), ('MONITORING', Decimal('0.3')), ('EVALUATION', Decimal('0.5'))])
FACTORS = OrderedDict([('EXCELLENT', Decimal('1.03')), ('GOOD', Decimal('1.00')), ('MEDIUM', Decimal('0.97')),
                       ('POOR', Decimal('0.90'))])
CAP = Decimal('20')
REMINDER_DAYS, RECTIFICATION_DAYS = 20, 30
# rules.md §6 defaults (P): each part's points, in the order the Assessment writes them
ASSESS_POINTS = OrderedDict([('ASSESS_TARGETS_ON_TIME', 15), ('ASSESS_TARGETS_QUALITY', 10),
                             ('ASSESS_MONITORING_COVERAGE', 10), ('ASSESS_WARNINGS_HANDLED', 10),
                             ('ASSESS_SELF_EVAL_COVERAGE', 15), ('ASSESS_SELF_EVAL_HONESTY', 10),
                             ('ASSESS_RECTIFICATION_ON_TIME', 15), ('ASSESS_RESULTS_APPLIED', 15)])

# per lower region: name, department, transfer baseline for 2028, host deductions, projects
# (code suffix, name, budget, paid, I1 target ≥, I1 actual)
LOWER = OrderedDict([
    ('440402', dict(name='香洲区(演示)', dept=('401', '区教育局'), baseline='600000000.00', deductions=['2'],
                    projects=[(1, '区属学校改扩建', '3000000.00', '3000000.00', '100', '80'),
                              (2, '校园安全提升', '1000000.00', '500000.00', '100', '70')])),
    ('440403', dict(name='斗门区(演示)', dept=('402', '区卫生健康局'), baseline='250000000.00', deductions=[],
                    projects=[(1, '基层医疗设备更新', '2000000.00', '2000000.00', '100', '100'),
                              (2, '家庭医生签约服务', '2000000.00', '1800000.00', '100', '95')]))])


def cents(x):
    return x.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)


def grade(s):
    return 'EXCELLENT' if s >= 90 else 'GOOD' if s >= 80 else 'MEDIUM' if s >= 60 else 'POOR'


def score(budget, paid, target, actual):
    """§3.1 with one weighted OUTPUT indicator of 90 points: min(paid/budget, 1)·10 + min(actual/target, 1)·90."""
    b, p, t, a = Decimal(budget), Decimal(paid), Decimal(target), Decimal(actual)
    return min(p / b, Decimal(1)) * 10 + min(a / t, Decimal(1)) * 90


def project(region, meta, n, name, budget):
    code = '%s-%d-%06d' % (region, YEAR, n)
    dates = OrderedDict([('DECLARED', '2026-10-15'), ('REVIEWED', '2026-11-10'), ('APPROVED', '2027-01-25'),
                         ('PUBLISHED', '2027-02-14')])
    indicator = OrderedDict([('code', 'I1'), ('level1', 'OUTPUT'), ('level2', 'QUANTITY'), ('name', '完成数量'),
                             ('type', 'QUANTITATIVE'), ('operator', 'GE'), ('value', '100'), ('unit', '个'),
                             ('valueSource', 'PLAN'), ('weight', '90')])
    return OrderedDict([('projectCode', code), ('revision', 1), ('regionCode', region), ('year', YEAR),
                        ('departmentCode', meta['dept'][0]), ('departmentName', meta['dept'][1]),
                        ('unitCode', meta['dept'][0] + '001'), ('unitName', meta['dept'][1] + '机关'), ('name', name),
                        ('kind', 'PROJECT'), ('functionCode', '2050202'), ('isNew', False), ('isMajor', False),
                        ('budgetAmount', budget), ('budgetPhase', 'PUBLISHED'), ('budgetPhaseDates', dates),
                        ('exAnte', None),
                        ('target', OrderedDict([('phase', 'PUBLISHED'), ('phaseDates', dates), ('reviews', []),
                                                ('overallGoal', name + '按期完成'), ('indicators', [indicator])]))])


def evaluation(region, meta, n, budget, paid, actual):
    return OrderedDict([('projectCode', '%s-%d-%06d' % (region, YEAR, n)), ('year', YEAR), ('kind', 'PROJECT'),
                        ('recurrence', 'CONTINUING'), ('departmentCode', meta['dept'][0]), ('budgetAmount', budget),
                        ('paidAmount', paid), ('indicators', [{'code': 'I1', 'actual': actual}]),
                        ('nextYearRequest', budget)])


def regions():
    out = []
    for code, meta in LOWER.items():
        out.append(OrderedDict([
            ('regionCode', code), ('name', meta['name']), ('year', YEAR),
            ('projects', [project(code, meta, n, name, b) for n, name, b, _, _, _ in meta['projects']]),
            ('execution', []),
            ('evaluations', [evaluation(code, meta, n, b, p, a) for n, _, b, p, _, a in meta['projects']]),
            ('departments', []),
            # served from the start: PerfLink has evaluated the year before 440400's LINK (rules.md §4.3)
            ('events', [OrderedDict([('year', YEAR), ('stage', 'CLOSE'), ('phase', 'EVALUATE'), ('projectCodes', []),
                                     ('occurredAt', '2028-05-31T10:00:00+08:00')])]),
            ('scriptedEvents', [])]))
    return out


def subregions():
    return [OrderedDict([('regionCode', code), ('budgetYear', BUDGET_YEAR), ('transferBaseline', meta['baseline']),
                         ('deductions', [OrderedDict([('source', 'AUDIT'), ('points', p), ('ref', '审计报告')])
                                         for p in meta['deductions']])])
            for code, meta in LOWER.items()]


def expected():
    from datetime import date, timedelta
    link = date.fromisoformat(LINK_DATE)
    rows, adjustments, notices = [], [], []
    composites = OrderedDict()
    for code, meta in LOWER.items():
        budgets, weighted = Decimal(0), Decimal(0)
        parts = []
        for n, _, b, p, t, a in meta['projects']:
            s = score(b, p, t, a)
            weighted += cents(s) * Decimal(b)     # Scores as PerfLink wrote them (2 decimals)
            budgets += Decimal(b)
            parts.append('%s-%d-%06d %s (budget %s)' % (code, YEAR, n, cents(s), b))
        evaluation_ = weighted / budgets
        # no PUBLISHED verdicts and no monitoring rounds in the year: TARGETS and MONITORING are absent and
        # EVALUATION carries the whole weight
        composite_ = evaluation_
        deducted = min(sum((Decimal(d) for d in meta['deductions']), Decimal(0)), CAP)
        total = composite_ - deducted
        g = grade(total)
        factor = FACTORS[g]
        ratio = factor - 1
        base = Decimal(meta['baseline'])
        delta = cents(base * ratio)
        action = 'PRIORITIZE' if ratio > 0 else 'KEEP' if ratio == 0 else 'REDUCE'
        composites[code] = (total, g)
        rows.append('| %s %s | %s | EVALUATION %s (n %d) | %s | **%s %s** | ×%s |' % (
            code, meta['name'], '; '.join(parts), cents(evaluation_), len(meta['projects']),
            cents(deducted), cents(total), g, factor))
        adjustments.append('| %s-%d.REGION.%s | %s | %s | %s | %s | %s |' % (
            UPPER, YEAR, code, BUDGET_YEAR, base, '%.2f' % ratio, action, delta))
        if g == 'MEDIUM':
            notices.append('| %s-%d.REGION.%s.REMINDER | REMINDER | %s |' % (
                UPPER, YEAR, code, link + timedelta(days=REMINDER_DAYS)))
        elif g == 'POOR':
            notices.append('| %s-%d.REGION.%s.RECTIFICATION | RECTIFICATION | %s |' % (
                UPPER, YEAR, code, link + timedelta(days=RECTIFICATION_DAYS)))
    assessments = assess(composites)
    return '\n'.join([
        '', SECTION, '',
        'Overlay `datasets/demo-lower-regions.json` (mock host dataset `demo+lower-regions`, which `./perflink demo` '
        'uses): 440402 and 440403 are configured regions whose nearest configured ancestor is 440400, so they are its '
        'lower regions. Their year is CLOSE/EVALUATE only, served from the start; 440400 (host contract 1.1) sends '
        'their transfer baselines for %d (`subregions`) and its whole-year LINK of %s writes, from PerfLink\'s own '
        'records of each (its Scores; no PUBLISHED verdicts and no monitoring rounds, so TARGETS and MONITORING are '
        'absent and EVALUATION carries the weight), one `LINK_REGION_COMPOSITE` Adjustment of scope REGION and the '
        'notice its grade calls for. Project scores: one OUTPUT indicator of 90 points, min(paid / budget, 1) × 10 + '
        'min(actual / target, 1) × 90. Every component source is PERFLINK. A 1.0 host would get none of this.'
        % (BUDGET_YEAR, LINK_DATE), '',
        '| lower region | Scores | components | deductions | composite | factor |', '|---|---|---|---|---|---|',
        *rows, '',
        '| adjustment | budget year | base (transferBaseline) | ratio | action | delta |', '|---|---|---|---|---|---|',
        *adjustments, '',
        '| notice (scope REGION) | type | due |', '|---|---|---|', *notices, '',
        'Work assessment (rules.md §6) of the lower regions, ranked among 440400\'s lower regions by the same LINK '
        '(`{R}-{Y}.REGION.{L}`): each project has no PUBLISHED verdict (ASSESS_TARGETS_ON_TIME 0 of 2; '
        'ASSESS_TARGETS_QUALITY has nothing to count: full points), no NO_DATA warning and no warning at all (full '
        'points), no `selfScore` (ASSESS_SELF_EVAL_COVERAGE 0; HONESTY nothing to count: full points), no notice of '
        '%d and no REDUCE/CANCEL adjustment with budget year %d (full points). Equal totals share a rank; neither '
        'is praised (grade not EXCELLENT) nor criticised (grade and composite not POOR, no INTERVIEW).' % (YEAR - 1, YEAR),
        '', '| assessment | parts | total | grade | rank | composite | list |', '|---|---|---|---|---|---|---|',
        *assessments, ''])


def assess(composites):
    """§6 for each lower region from its records as this overlay serves them: no verdicts, warnings or selfScore."""
    scored = []
    for code, meta in LOWER.items():
        n = len(meta['projects'])
        shares = OrderedDict([('ASSESS_TARGETS_ON_TIME', Decimal(0) / n), ('ASSESS_TARGETS_QUALITY', Decimal(1)),
                              ('ASSESS_MONITORING_COVERAGE', Decimal(n) / n), ('ASSESS_WARNINGS_HANDLED', Decimal(1)),
                              ('ASSESS_SELF_EVAL_COVERAGE', Decimal(0) / n), ('ASSESS_SELF_EVAL_HONESTY', Decimal(1)),
                              ('ASSESS_RECTIFICATION_ON_TIME', Decimal(1)), ('ASSESS_RESULTS_APPLIED', Decimal(1))])
        parts = OrderedDict((k, ASSESS_POINTS[k] * shares[k]) for k in ASSESS_POINTS)
        total = sum(parts.values(), Decimal(0)) * 100 / sum(ASSESS_POINTS.values())
        scored.append((code, parts, total))
    scored.sort(key=lambda s: (-s[2], s[0]))
    rows, rank, previous = [], 0, None
    for i, (code, parts, total) in enumerate(scored):
        if previous is None or total != previous:
            rank, previous = i + 1, total
        g = grade(total)
        composite, composite_grade = composites[code]
        praised = g == 'EXCELLENT' and composite_grade in ('EXCELLENT', 'GOOD')
        criticised = g == 'POOR' or composite_grade == 'POOR'
        rows.append('| %s-%d.REGION.%s | %s | **%s** | %s | %d of %d | %s | %s |' % (
            UPPER, YEAR, code, ' '.join(str(cents(p)) for p in parts.values()), cents(total), g, rank, len(scored),
            cents(composite), 'CRITICISM' if criticised else 'PRAISE' if praised else '-'))
    return rows


def main():
    path = os.path.join(OUT, 'demo-dataset.json')
    with open(path, encoding='utf-8') as fh:
        doc = json.load(fh, object_pairs_hook=OrderedDict)
    for r in doc['regions']:
        if r.get('regionCode') == UPPER:
            r['subregions'] = subregions()
    with open(path, 'w', encoding='utf-8') as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
    overlay = OrderedDict([('name', 'demo-lower-regions'),
                           ('comment', 'Lower regions of 440400 for the demo (rules.md §4.3); built by '
                                       'src/demo/lower_regions.py; expectations in EXPECTED.md.'),
                           ('regions', regions())])
    with open(os.path.join(OUT, 'demo-lower-regions.json'), 'w', encoding='utf-8') as fh:
        json.dump(overlay, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
    md = os.path.join(OUT, 'EXPECTED.md')
    with open(md, encoding='utf-8') as fh:
        text = fh.read()
    if SECTION in text:
        text = text[:text.index(SECTION)].rstrip('\n') + '\n'
    with open(md, 'w', encoding='utf-8') as fh:
        fh.write(text.rstrip('\n') + '\n' + expected())


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Adds the host contract v1.1 demo region 440400 珠海市(演示) to demo-dataset.json and its section to EXPECTED.md.

Library entries (rules.md §7), graded reviews (§1 since v2), a target adjusted mid-year (§8) and monitored against
the adjusted target, and an evaluator registry (§10) with one conflict and one poor-quality third-party report. A
separate region, so that every expectation of 440000 and 440100 stays as it was; PerfLink must be pointed at the
mock with `contract = 1.1` for it (the v1.1 phases and kinds are inactive for a 1.0 host). Run after
build_demo_dataset.py (which calls it); running it again replaces the region and the section.
"""
import json
import os
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'main', 'resources', 'datasets')
R = '440400'
YEAR = 2027
DEPT, DEPT_NAME, UNIT, UNIT_NAME, FUNCTION = '301', '市教育局', '301001', '市教育局机关', '2050202'
DATES = OrderedDict([('DECLARED', '2026-10-15'), ('REVIEWED', '2026-11-10'), ('APPROVED', '2027-01-25'),
                     ('PUBLISHED', '2027-02-14')])
INST_A, INST_B = 'INST-91440400MA5AAAAAAA', 'INST-91440400MA5BBBBBBB'
SECTION = '## 440400 珠海市(演示) — host contract v1.1'


def ind(code, level1, level2, name, op, value, unit):
    return OrderedDict([('code', code), ('level1', level1), ('level2', level2), ('name', name),
                        ('type', 'QUANTITATIVE'), ('operator', op), ('value', value), ('unit', unit),
                        ('valueSource', 'PLAN')])


def indicators(i1='12'):
    return [ind('I1', 'OUTPUT', 'QUANTITY', '改造学校数量', 'GE', i1, '所'),
            ind('I2', 'OUTPUT', 'QUALITY', '工程验收合格率', 'GE', '100', '%'),
            ind('I3', 'OUTPUT', 'TIMELINESS', '项目按期完工率', 'GE', '95', '%'),
            ind('C1', 'COST', 'ECONOMIC_COST', '生均改造成本', 'LE', '1.5', '万元'),
            ind('B1', 'BENEFIT', 'SOCIAL', '新增学位数', 'GE', '600', '个'),
            ind('S1', 'SATISFACTION', 'SATISFACTION', '学生家长满意度', 'GE', '90', '%')]


def reviews(department_grade=None, finance_grade=None):
    out = [OrderedDict([('level', 'UNIT'), ('outcome', 'PASS'), ('date', '2026-10-15')])]
    d = OrderedDict([('level', 'DEPARTMENT'), ('outcome', 'PASS'), ('date', '2026-10-25')])
    f = OrderedDict([('level', 'FINANCE'), ('outcome', 'PASS'), ('date', '2026-11-05')])
    if department_grade:
        d['grade'] = department_grade
    if finance_grade:
        f['grade'] = finance_grade
    return out + [d, f]


def project(n, name, budget, phase, target_phase, rev=None, *, is_new=False, ex_ante=None, i1='12', period=None,
            period_indicators=None, predecessor=None, year=YEAR, revision=None, target=True):
    code = '%s-%d-%06d' % (R, year, n)
    upto = list(DATES) if phase not in DATES else list(DATES)[:list(DATES).index(phase) + 1]
    p = OrderedDict([('projectCode', code), ('revision', revision or 1), ('regionCode', R), ('year', year),
                     ('departmentCode', DEPT), ('departmentName', DEPT_NAME), ('unitCode', UNIT),
                     ('unitName', UNIT_NAME), ('name', name), ('kind', 'PROJECT'), ('functionCode', FUNCTION),
                     ('isNew', is_new), ('isMajor', False), ('budgetAmount', budget), ('budgetPhase', phase)])
    if phase == 'LIBRARY':
        p['budgetPhaseDates'] = OrderedDict([('LIBRARY', '2026-06-15')])
    else:
        p['budgetPhaseDates'] = OrderedDict((k, DATES[k]) for k in upto)
    p['exAnte'] = ex_ante
    if predecessor:
        p['predecessor'] = OrderedDict([('projectCode', predecessor[0]), ('year', predecessor[1])])
    if period:
        p['period'] = OrderedDict([('startYear', period[0]), ('endYear', period[1])])
    if target:
        tupto = ['DRAFT'] if target_phase == 'DRAFT' else list(DATES)[:list(DATES).index(target_phase) + 1]
        t = OrderedDict([('phase', target_phase),
                         ('phaseDates', OrderedDict((k, '2026-06-10' if k == 'DRAFT' else DATES[k]) for k in tupto)),
                         ('reviews', rev or []), ('overallGoal', '完成薄弱学校改造，新增学位600个，办学条件明显改善'),
                         ('indicators', indicators(i1))])
        if period_indicators:
            t['periodIndicators'] = period_indicators
        p['target'] = t
    return p


def ex_ante(level, evaluators=()):
    return OrderedDict([('status', 'DONE'), ('conclusion', 'SUPPORT'), ('date', '2026-06-01'), ('level', level),
                        ('score', '86'), ('evaluatorIds', list(evaluators))])


def region():
    p = []
    # §7 library entries (COMPILE/LIBRARY)
    p.append(project(101, '学校改扩建（入库）', '3000000.00', 'LIBRARY', 'DRAFT', is_new=True, ex_ante=ex_ante('DEPARTMENT')))
    p.append(project(102, '教育信息化三年行动（入库）', '6000000.00', 'LIBRARY', 'DRAFT', is_new=True,
                     ex_ante=ex_ante('DEPARTMENT'), i1='40', period=(2027, 2029),
                     period_indicators=[ind('I1', 'OUTPUT', 'QUANTITY', '改造学校数量', 'GE', '36', '所')]))
    p.append(project(103, '校舍安全工程（续建入库）', '2000000.00', 'LIBRARY', 'DRAFT',
                     predecessor=('440400-2026-000103', 2026)))
    predecessor = project(103, '校舍安全工程', '2000000.00', 'PUBLISHED', 'PUBLISHED', rev=reviews(), year=2026,
                          period=(2024, 2026))
    # §1 graded reviews (COMPILE/REVIEWED)
    p.append(project(104, '智慧校园建设', '3000000.00', 'REVIEWED', 'REVIEWED', rev=reviews(finance_grade='GOOD')))
    p.append(project(105, '校外培训监管平台', '3000000.00', 'REVIEWED', 'REVIEWED', rev=reviews(finance_grade='POOR')))
    p.append(project(106, '教师发展中心', '3000000.00', 'REVIEWED', 'REVIEWED', rev=reviews(department_grade='MEDIUM')))
    # §8 a target adjusted in time, with a reason and the budget: through every phase, then monitored and evaluated
    adjusted = project(107, '义务教育薄弱学校改造', '4200000.00', 'PUBLISHED', 'PUBLISHED', i1='10', revision=5,
                       rev=reviews(finance_grade='GOOD'))
    adjusted['targetRevision'] = OrderedDict([('requestedOn', '2027-07-20'),
                                              ('adjustmentReason', '受台风影响，2所学校改造顺延至次年'),
                                              ('budgetAmountBefore', '5000000.00'),
                                              ('approvedIndicators', indicators('12'))])
    p.append(adjusted)
    late = project(108, '学生营养改善计划', '3000000.00', 'PUBLISHED', 'PUBLISHED', i1='8', revision=4, rev=reviews())
    late['targetRevision'] = OrderedDict([('requestedOn', '2027-10-12'), ('adjustmentReason', ''),
                                          ('budgetAmountBefore', '3000000.00'), ('approvedIndicators', indicators('12'))])
    p.append(late)
    execution = [OrderedDict([('projectCode', '440400-2027-000107'), ('year', YEAR), ('asOf', '2027-09-30'),
                              ('budgetAmount', '4200000.00'), ('paidAmount', '3150000.00'),
                              ('indicators', [{'code': 'I1', 'actual': '4'}, {'code': 'I2', 'actual': '100'},
                                              {'code': 'I3', 'actual': '95'}, {'code': 'B1', 'actual': '600'},
                                              {'code': 'S1', 'actual': '90'}])])]
    full = [{'code': 'I1', 'actual': '10'}, {'code': 'I2', 'actual': '100'}, {'code': 'I3', 'actual': '95'},
            {'code': 'C1', 'actual': '1.4'}, {'code': 'B1', 'actual': '600'}, {'code': 'S1', 'actual': '92'}]
    full12 = [dict(a, actual='12') if a['code'] == 'I1' else a for a in full]
    evaluations = [
        OrderedDict([('projectCode', '440400-2027-000104'), ('year', YEAR), ('kind', 'PROJECT'),
                     ('recurrence', 'CONTINUING'), ('departmentCode', DEPT), ('budgetAmount', '3000000.00'),
                     ('paidAmount', '3000000.00'), ('indicators', full12), ('selfScore', '95'),
                     ('keyEvaluationScore', '92'), ('nextYearRequest', '3150000.00'),
                     ('evaluation', OrderedDict([('kind', 'THIRD_PARTY'), ('institutionId', INST_B),
                                                 ('evaluatorIds', ['EXP-3002']), ('dueDate', '2028-05-31'),
                                                 ('reportDate', '2028-06-10'), ('reportPublic', False),
                                                 ('indicators', [{'code': 'I1', 'actual': '0'},
                                                                 {'code': 'I2', 'actual': '100'},
                                                                 {'code': 'I3', 'actual': '95'},
                                                                 {'code': 'C1', 'actual': '1.4'},
                                                                 {'code': 'B1', 'actual': '300'}])]))]),
        OrderedDict([('projectCode', '440400-2027-000107'), ('year', YEAR), ('kind', 'PROJECT'),
                     ('recurrence', 'CONTINUING'), ('departmentCode', DEPT), ('budgetAmount', '4200000.00'),
                     ('paidAmount', '4200000.00'), ('indicators', full), ('selfScore', '98'),
                     ('keyEvaluationScore', '95'), ('nextYearRequest', '4410000.00'),
                     ('evaluation', OrderedDict([('kind', 'THIRD_PARTY'), ('institutionId', INST_A),
                                                 ('evaluatorIds', ['EXP-3001']), ('dueDate', '2028-05-31'),
                                                 ('reportDate', '2028-05-20'), ('reportPublic', True),
                                                 ('reportUrl', 'https://example.org/jxpj/2027/440400-2027-000107.pdf'),
                                                 ('indicators', full)]))])]
    evaluators = [
        OrderedDict([('evaluatorId', INST_A), ('kind', 'INSTITUTION'), ('name', '珠海某绩效评估咨询有限公司'),
                     ('creditCode', INST_A[5:]), ('status', 'ACTIVE'), ('fields', ['205']),
                     ('ties', [OrderedDict([('departmentCode', DEPT), ('relation', 'CONTRACT'), ('from', '2025-01-01'),
                                            ('to', '2025-12-31')])])]),
        OrderedDict([('evaluatorId', 'EXP-3001'), ('kind', 'EXPERT'), ('institutionId', INST_A), ('status', 'ACTIVE'),
                     ('fields', ['205']), ('ties', [])]),
        OrderedDict([('evaluatorId', INST_B), ('kind', 'INSTITUTION'), ('name', '珠海某第三方评价中心'),
                     ('creditCode', INST_B[5:]), ('status', 'ACTIVE'), ('fields', ['205']), ('ties', [])]),
        OrderedDict([('evaluatorId', 'EXP-3002'), ('kind', 'EXPERT'), ('institutionId', INST_B), ('status', 'ACTIVE'),
                     ('fields', ['205']),
                     ('ties', [OrderedDict([('unitCode', UNIT), ('relation', 'EMPLOYED'), ('from', '2010-09-01'),
                                            ('to', '2019-08-31')])])])]

    def ev(stage, phase, codes, at, year=YEAR, as_of=None):
        e = OrderedDict([('year', year), ('stage', stage), ('phase', phase), ('projectCodes', codes),
                         ('occurredAt', at)])
        if as_of:
            e['asOf'] = as_of
        return e

    c = lambda *ns: ['%s-%d-%06d' % (R, YEAR, n) for n in ns]
    scripted = [ev('COMPILE', 'LIBRARY', c(101, 102, 103, 107), '2026-06-15T10:00:00+08:00'),
                ev('COMPILE', 'DECLARED', c(107), '2026-10-15T10:00:00+08:00'),
                ev('COMPILE', 'REVIEWED', c(104, 105, 106, 107), '2026-11-10T10:00:00+08:00'),
                ev('COMPILE', 'APPROVED', c(107), '2027-01-25T10:00:00+08:00'),
                ev('COMPILE', 'ADJUST', c(107, 108), '2027-10-12T15:00:00+08:00'),
                ev('EXECUTE', 'MONITOR', c(107), '2027-10-05T18:00:00+08:00', as_of='2027-09-30'),
                ev('CLOSE', 'EVALUATE', [], '2028-06-15T10:00:00+08:00'),
                ev('CLOSE', 'LINK', [], '2028-06-30T10:00:00+08:00')]
    return OrderedDict([('regionCode', R), ('name', '珠海市(演示)'), ('year', YEAR), ('projects', p + [predecessor]),
                        ('execution', execution), ('evaluations', evaluations), ('departments', []), ('events', []),
                        ('scriptedEvents', scripted), ('evaluators', evaluators)])


EXPECTED = """
{section}

Run with PerfLink's `org.perflink.host` `contract = 1.1` (a 1.0 host gets none of these phases, kinds or findings).
Events are scripted like the others; in order: COMPILE/LIBRARY, DECLARED, REVIEWED, APPROVED, ADJUST, then
EXECUTE/MONITOR at 2027-09-30, then CLOSE/EVALUATE and the whole-year CLOSE/LINK. Department 301 市教育局, unit 301001.

### Compile stage (verdicts)

| verdict | designed | findings (default severities) | outcome |
|---|---|---|---|
| 440400-2027-000101.LIBRARY.r1 | new, 3 000 000 with a DEPARTMENT ex-ante assessment (below the 5 000 000 finance threshold); DRAFT target | — | **PASS** |
| 440400-2027-000102.LIBRARY.r1 | new, 6 000 000 with only a DEPARTMENT assessment; period 2027–2029, annual I1 ≥ 40 above the period I1 ≥ 36 | LIBRARY_EX_ANTE_FINANCE_REQUIRED (BLOCK), LIBRARY_PERIOD_TARGET_INCONSISTENT (WARN) | **BLOCK** |
| 440400-2027-000103.LIBRARY.r1 | continuing 440400-2026-000103 whose period ended in 2026, no new assessment | LIBRARY_PERIOD_ENDED (BLOCK) | **BLOCK** |
| 440400-2027-000107.LIBRARY.r5 | the project followed through every phase | — | **PASS** |
| 440400-2027-000107.DECLARED.r5 | | — | **PASS** |
| 440400-2027-000104.REVIEWED.r1 | FINANCE review graded GOOD 良 | — | **PASS** |
| 440400-2027-000105.REVIEWED.r1 | FINANCE review graded POOR 差 | REVIEW_GRADE_POOR (BLOCK) | **BLOCK** |
| 440400-2027-000106.REVIEWED.r1 | DEPARTMENT review graded MEDIUM 中, FINANCE ungraded | REVIEW_GRADE_MEDIUM (WARN) | **WARN** |
| 440400-2027-000107.REVIEWED.r5 | FINANCE review graded GOOD | — | **PASS** |
| 440400-2027-000107.APPROVED.r5 | | — | **PASS** |
| 440400-2027-000107.ADJUST.r5 | I1 12 → 10 with a reason, budget 5 000 000 → 4 200 000, requested 2027-07-20 (before 09-30) | — | **PASS** |
| 440400-2027-000108.ADJUST.r4 | I1 12 → 8 without a reason, budget unchanged, requested 2027-10-12 | ADJUST_TOO_LATE (BLOCK), ADJUST_TARGET_LOWERED (BLOCK), ADJUST_NOT_TOGETHER (WARN) | **BLOCK** |

### Execute stage (warnings)

| project | 2027-09-30 |
|---|---|
| 440400-2027-000107 | TARGET_DEVIATION YELLOW against the adjusted I1 ≥ 10 (actual 4: progress 0.4000, shortfall 0.3479), metrics `targetAdjusted` true, `approvedTarget` 12, the message ends 按调整后的绩效目标监控; against the approved 12 it would have been TARGET_AT_RISK RED (shortfall 0.4146) |

### Close stage (scores, evaluators)

| project | evaluator | findings | basis | score | grade |
|---|---|---|---|---|---|
| 440400-2027-000104 | {inst_b}, EXP-3002 (EXP-3002 left unit 301001 in 2019, before the window 2024-01-01..2027-12-31: no conflict) | EVALUATOR_QUALITY_DEVIATION (report 92 vs its own actuals far lower), EVALUATOR_QUALITY_LATE (2028-06-10 after 2028-05-31), EVALUATOR_QUALITY_UNSCORED (S1) | KEY_EVALUATION | 92.00 | EXCELLENT |
| 440400-2027-000107 | {inst_a}, EXP-3001 (the institution had a contract with department 301 in 2025) | EVALUATOR_CONFLICT (BLOCK): the report's 95 is not used | SELF_EVALUATION | 100.00 | EXCELLENT |

### Evaluator quality (assessments, whole-year LINK)

| assessment | reports | total | grade |
|---|---|---|---|
| 440400-2027.EVALUATOR.{inst_a} | 440400-2027-000107: conflict 100 | 0.00 | POOR |
| 440400-2027.EVALUATOR.{inst_b} | 440400-2027-000104: deviation 40, late 20, unscored 20 | 20.00 | POOR |

The ex-ante assessments of 440400 name no evaluator, so `EVALUATOR_CONFLICT` on ex-ante assessments (compile
stage, LIBRARY and DECLARED+: the assessment's evaluators or their institutions tied to the department or unit from
1 January of the assessment's year − `evaluator.conflict.coolingYears` through the project's year; the assessment
then does not count as DONE) fires in no verdict above; the registry's one conflict is the key evaluation's.
""".format(section=SECTION, inst_a=INST_A, inst_b=INST_B)


def main():
    path = os.path.join(OUT, 'demo-dataset.json')
    with open(path, encoding='utf-8') as fh:
        doc = json.load(fh, object_pairs_hook=OrderedDict)
    doc['regions'] = [r for r in doc['regions'] if r.get('regionCode') != R] + [region()]
    with open(path, 'w', encoding='utf-8') as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
    md = os.path.join(OUT, 'EXPECTED.md')
    with open(md, encoding='utf-8') as fh:
        text = fh.read()
    if SECTION in text:
        text = text[:text.index(SECTION)].rstrip('\n') + '\n'
    with open(md, 'w', encoding='utf-8') as fh:
        fh.write(text.rstrip('\n') + '\n' + EXPECTED)


if __name__ == '__main__':
    main()

-- PerfLink exchange database (中间库/前置库), PostgreSQL 12+ (also KingbaseES in PostgreSQL mode). docs/host-sql.md describes every table.
-- Input tables: the host writes, PerfLink reads. body = one item of host contract v1 as JSON text (UTF-8).
-- Results tables: PerfLink upserts by id (UPDATE, else INSERT), the host reads. body = the result as PUT carries it.

CREATE TABLE IF NOT EXISTS pl_stage_events (
  region_code VARCHAR(6) NOT NULL,
  seq BIGINT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (region_code, seq)
);

CREATE TABLE IF NOT EXISTS pl_projects (
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER NOT NULL,
  project_code VARCHAR(64) NOT NULL,
  revision BIGINT,
  body TEXT NOT NULL,
  PRIMARY KEY (region_code, fiscal_year, project_code)
);

CREATE TABLE IF NOT EXISTS pl_execution (
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER NOT NULL,
  as_of DATE NOT NULL,
  project_code VARCHAR(64) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (region_code, fiscal_year, as_of, project_code)
);

CREATE TABLE IF NOT EXISTS pl_evaluations (
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER NOT NULL,
  project_code VARCHAR(64) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (region_code, fiscal_year, project_code)
);

CREATE TABLE IF NOT EXISTS pl_departments (
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER NOT NULL,
  department_code VARCHAR(64) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (region_code, fiscal_year, department_code)
);

CREATE TABLE IF NOT EXISTS pl_evaluators (
  region_code VARCHAR(6) NOT NULL,
  evaluator_id VARCHAR(64) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (region_code, evaluator_id)
);

CREATE TABLE IF NOT EXISTS pl_notice_feedback (
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER NOT NULL,
  feedback_id VARCHAR(128) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (region_code, fiscal_year, feedback_id)
);

-- v1.1 subregions: the lower regions' transfer baselines, by the budget year they are for
CREATE TABLE IF NOT EXISTS pl_subregions (
  region_code VARCHAR(6) NOT NULL,
  budget_year INTEGER NOT NULL,
  subregion_code VARCHAR(6) NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (region_code, budget_year, subregion_code)
);

CREATE TABLE IF NOT EXISTS pl_verdicts (
  id VARCHAR(256) NOT NULL,
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER,
  subject_code VARCHAR(64),
  body TEXT NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS pl_verdicts_subject ON pl_verdicts (region_code, fiscal_year, subject_code);

CREATE TABLE IF NOT EXISTS pl_scores (
  id VARCHAR(256) NOT NULL,
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER,
  subject_code VARCHAR(64),
  body TEXT NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS pl_scores_subject ON pl_scores (region_code, fiscal_year, subject_code);

CREATE TABLE IF NOT EXISTS pl_warnings (
  id VARCHAR(256) NOT NULL,
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER,
  subject_code VARCHAR(64),
  body TEXT NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS pl_warnings_subject ON pl_warnings (region_code, fiscal_year, subject_code);

CREATE TABLE IF NOT EXISTS pl_adjustments (
  id VARCHAR(256) NOT NULL,
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER,
  subject_code VARCHAR(64),
  body TEXT NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS pl_adjustments_subject ON pl_adjustments (region_code, fiscal_year, subject_code);

CREATE TABLE IF NOT EXISTS pl_notices (
  id VARCHAR(256) NOT NULL,
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER,
  subject_code VARCHAR(64),
  body TEXT NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS pl_notices_subject ON pl_notices (region_code, fiscal_year, subject_code);

CREATE TABLE IF NOT EXISTS pl_assessments (
  id VARCHAR(256) NOT NULL,
  region_code VARCHAR(6) NOT NULL,
  fiscal_year INTEGER,
  subject_code VARCHAR(64),
  body TEXT NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS pl_assessments_subject ON pl_assessments (region_code, fiscal_year, subject_code);

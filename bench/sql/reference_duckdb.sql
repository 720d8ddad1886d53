-- bench/reference.score as one DuckDB query, as an analyst would write it by hand.
--
-- Expects a table `leads` loaded from the gen_leads.py CSV with typed columns (bench/duckdb/
-- run_duckdb.cjs does it with read_csv: ints BIGINT, annual_revenue DOUBLE, last_activity DATE, the
-- rest VARCHAR; an empty cell is NULL). Results are as of 2026-11-01. Output columns, in
-- leadscore's order: id, score, qualified, tier, status, reason, fit, engagement
--
-- Where it is not leadscore:
-- * The title regexes run on RE2, as leadscore's do, so they match the same titles. But DuckDB's
--   lower() folds Unicode, leadscore's string tests fold ASCII only: a title like "DİRECTOR"
--   (U+0130) would count as "director" here and not in leadscore. No gen_leads.py title has that.
-- * No validation: a bad value makes read_csv fail the whole load instead of giving an error row,
--   and a date-time (2026-10-01T10:00Z) in last_activity is not read as its date.
-- * Numbers print as DuckDB prints them (20.0); bench/run.sh compares them numerically.
WITH l AS (
  SELECT
    rowid AS rn,   -- input order: COPY ... TO writes in parallel and would lose it
    *,
    CASE WHEN last_activity IS NOT NULL
         THEN greatest(0, date_diff('day', last_activity, DATE '2026-11-01')) END AS days,
    ';' || replace(visited, ' ', '') || ';' AS v,
    ';' || replace(downloaded, ' ', '') || ';' AS d,
    CASE WHEN contains(email, '@') THEN lower(regexp_extract(email, '[^@]*$')) END AS email_domain
  FROM leads
),
g AS (
  SELECT
    rn,
    id,
    ends_with(lower(email), '@competitor.com') AS rejected,
    least(40,
        CASE WHEN regexp_matches(job_title, '\b(chief|cmo|ceo|cto|vp|vice president|head of|founder)\b', 'i')
             THEN 15 ELSE 0 END
      + CASE WHEN contains(lower(job_title), 'director') THEN 8 ELSE 0 END
      + CASE WHEN company_size >= 100 THEN 10 ELSE 0 END
      + CASE WHEN company_size >= 1000 THEN 5 ELSE 0 END
      + CASE WHEN annual_revenue > 10000000 THEN 5 ELSE 0 END
      + CASE WHEN industry IN ('saas', 'fintech') THEN 5 ELSE 0 END
      + CASE WHEN country IN ('US', 'GB', 'DE', 'CA', 'AU') THEN 3 ELSE 0 END
      - CASE WHEN email_domain IN ('gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'proton.me')
             THEN 10 ELSE 0 END
      - CASE WHEN regexp_matches(job_title, '\b(student|intern)\b', 'i') THEN 20 ELSE 0 END
    ) AS fit,
    least(60,
      ( CASE WHEN contains(v, ';pricing_page;') THEN 20 ELSE 0 END
      + CASE WHEN contains(v, ';contact_page;') THEN 20 ELSE 0 END
      + CASE WHEN contains(v, ';demo_page;') OR contains(v, ';case_studies;') THEN 10 ELSE 0 END
      + CASE WHEN contains(d, ';ebook;') THEN 10 ELSE 0 END
      + CASE WHEN contains(d, ';whitepaper;') THEN 10 ELSE 0 END
      + CASE WHEN email_opens >= 3 THEN 5 ELSE 0 END
      + CASE WHEN email_clicks > 0 THEN least(2 * greatest(email_clicks, 0), 10) ELSE 0 END
      + CASE WHEN webinars >= 1 THEN 20 ELSE 0 END
      + CASE WHEN lower(demo_requested) IN ('true', 'yes', '1') THEN 50 ELSE 0 END
      + CASE WHEN source = 'referral' THEN 10 ELSE 0 END
      - CASE WHEN lower(unsubscribed) IN ('true', 'yes', '1') THEN 15 ELSE 0 END
      - CASE WHEN days > 180 THEN 10 ELSE 0 END
      ) * CASE WHEN days IS NULL THEN 1.0 ELSE pow(0.75, days // 30) END
    ) AS engagement
  FROM l
),
s AS (
  SELECT rn, id, rejected, fit, engagement, greatest(0, least(100, fit + engagement)) AS score FROM g
)
SELECT
  id,
  score,
  CASE WHEN NOT rejected AND score >= 50 THEN 'true' ELSE 'false' END AS qualified,
  CASE WHEN rejected THEN ''
       WHEN score >= 80 THEN 'hot' WHEN score >= 50 THEN 'warm' WHEN score >= 20 THEN 'cold'
       ELSE 'ice' END AS tier,
  CASE WHEN rejected THEN 'rejected' ELSE 'ok' END AS status,
  CASE WHEN rejected THEN 'Competitor' ELSE '' END AS reason,
  fit,
  engagement
FROM s
ORDER BY rn

-- bench/reference.score as one SQLite query, as an analyst would write it by hand.
--
-- Expects a table `leads` loaded from the gen_leads.py CSV with the sqlite3 shell's
-- `.mode csv` + `.import leads.csv leads` (every column TEXT, an empty cell is ''), which is what
-- bench/run.sh does. Results are as of 2026-11-01. Output columns, in leadscore's order:
--   id, score, qualified, tier, status, reason, fit, engagement
--
-- Where it is not leadscore:
-- * SQLite has no REGEXP. `\b(chief|...|founder)\b` (flag i) is emulated with GLOB on
--   ' ' || lower(job_title) || ' ', each word between two [^a-z0-9_] characters. That is exactly
--   RE2's ASCII \b for any title; the one difference is RE2's Unicode case folding (U+017F 'ſ'
--   matches 's', so RE2 sees "vice preſident"), which SQLite's ASCII lower() does not do. The
--   instr() before each GLOB is only a quick filter (a third faster).
-- * No validation: a bad value (company_size "lots", an unknown enum member, a bad date) is not an
--   error row; it is read as whatever SQLite's CAST makes of it. gen_leads.py writes none.
-- * Numbers print as SQLite prints them (20.0, 15 significant digits), not as fmt does; bench/run.sh
--   compares them numerically.
WITH l AS (
  SELECT
    id,
    email,
    ' ' || lower(NULLIF(job_title, '')) || ' ' AS t,     -- NULL when missing: every test is false
    CAST(NULLIF(company_size, '') AS INTEGER) AS company_size,
    CAST(NULLIF(annual_revenue, '') AS REAL) AS annual_revenue,
    industry,
    country,
    source,
    ';' || replace(visited, ' ', '') || ';' AS visited,
    ';' || replace(downloaded, ' ', '') || ';' AS downloaded,
    CAST(NULLIF(email_opens, '') AS INTEGER) AS email_opens,
    CAST(NULLIF(email_clicks, '') AS INTEGER) AS email_clicks,
    CAST(NULLIF(webinars, '') AS INTEGER) AS webinars,
    lower(demo_requested) IN ('true', 'yes', '1') AS demo_requested,
    lower(unsubscribed) IN ('true', 'yes', '1') AS unsubscribed,
    CASE WHEN last_activity <> '' THEN
      max(0, CAST(julianday('2026-11-01') - julianday(substr(last_activity, 1, 10)) AS INTEGER))
    END AS days,
    CASE WHEN instr(email, '@') > 0 THEN
      lower(substr(email, length(rtrim(email, replace(email, '@', ''))) + 1))
    END AS email_domain
  FROM leads
),
g AS MATERIALIZED (   -- else SQLite inlines fit and engagement into every use of score
  SELECT
    id,
    lower(substr(email, -15)) = '@competitor.com' AS rejected,
    min(40,
        CASE WHEN (instr(t, 'chief') AND t GLOB '*[^a-z0-9_]chief[^a-z0-9_]*')
               OR (instr(t, 'cmo') AND t GLOB '*[^a-z0-9_]cmo[^a-z0-9_]*')
               OR (instr(t, 'ceo') AND t GLOB '*[^a-z0-9_]ceo[^a-z0-9_]*')
               OR (instr(t, 'cto') AND t GLOB '*[^a-z0-9_]cto[^a-z0-9_]*')
               OR (instr(t, 'vp') AND t GLOB '*[^a-z0-9_]vp[^a-z0-9_]*')
               OR (instr(t, 'vice president') AND t GLOB '*[^a-z0-9_]vice president[^a-z0-9_]*')
               OR (instr(t, 'head of') AND t GLOB '*[^a-z0-9_]head of[^a-z0-9_]*')
               OR (instr(t, 'founder') AND t GLOB '*[^a-z0-9_]founder[^a-z0-9_]*')
             THEN 15 ELSE 0 END
      + CASE WHEN instr(t, 'director') > 0 THEN 8 ELSE 0 END
      + CASE WHEN company_size >= 100 THEN 10 ELSE 0 END
      + CASE WHEN company_size >= 1000 THEN 5 ELSE 0 END
      + CASE WHEN annual_revenue > 10000000 THEN 5 ELSE 0 END
      + CASE WHEN industry IN ('saas', 'fintech') THEN 5 ELSE 0 END
      + CASE WHEN country IN ('US', 'GB', 'DE', 'CA', 'AU') THEN 3 ELSE 0 END
      - CASE WHEN email_domain IN ('gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'proton.me')
             THEN 10 ELSE 0 END
      - CASE WHEN (instr(t, 'student') AND t GLOB '*[^a-z0-9_]student[^a-z0-9_]*')
               OR (instr(t, 'intern') AND t GLOB '*[^a-z0-9_]intern[^a-z0-9_]*')
             THEN 20 ELSE 0 END
    ) AS fit,
    min(60,
      ( CASE WHEN instr(visited, ';pricing_page;') > 0 THEN 20 ELSE 0 END
      + CASE WHEN instr(visited, ';contact_page;') > 0 THEN 20 ELSE 0 END
      + CASE WHEN instr(visited, ';demo_page;') > 0 OR instr(visited, ';case_studies;') > 0
             THEN 10 ELSE 0 END
      + CASE WHEN instr(downloaded, ';ebook;') > 0 THEN 10 ELSE 0 END
      + CASE WHEN instr(downloaded, ';whitepaper;') > 0 THEN 10 ELSE 0 END
      + CASE WHEN email_opens >= 3 THEN 5 ELSE 0 END
      + CASE WHEN email_clicks > 0 THEN min(2 * max(email_clicks, 0), 10) ELSE 0 END
      + CASE WHEN webinars >= 1 THEN 20 ELSE 0 END
      + CASE WHEN demo_requested THEN 50 ELSE 0 END
      + CASE WHEN source = 'referral' THEN 10 ELSE 0 END
      - CASE WHEN unsubscribed THEN 15 ELSE 0 END
      - CASE WHEN days > 180 THEN 10 ELSE 0 END
      ) * CASE WHEN days IS NULL THEN 1.0 ELSE pow(0.75, days / 30) END   -- days / 30: integer division
    ) AS engagement
  FROM l
),
s AS (
  SELECT id, rejected, fit, engagement, max(0, min(100, fit + engagement)) AS score FROM g
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
FROM s;

-- rank's floor: the aggregate of `simsa rank --csv` as one query of the sqlite3 program
-- (R7 mean of the sheet totals rounded to 2 decimals, R9.2 tie-break means, R10 majority
-- amount, ordered by final score). Floating point is fine here: it is only the yardstick.
WITH sheet_total AS (
    SELECT s.id, s.app_id, SUM(i.tenths) AS total,
           SUM(CASE i.item WHEN 'data' THEN i.tenths END) AS data,
           SUM(CASE i.item WHEN 'kpi' THEN i.tenths END) AS kpi,
           SUM(CASE i.item WHEN 'strategy' THEN i.tenths END) AS strategy
    FROM sheet s JOIN sheet_item i ON i.sheet_id = s.id GROUP BY s.id),
app_total AS (
    SELECT t.app_id, COUNT(*) AS n, SUM(t.total) AS total, SUM(t.data) AS data,
           SUM(t.kpi) AS kpi, SUM(t.strategy) AS strategy, SUM(v.agree) AS agree,
           SUM(CASE WHEN v.agree THEN a.requested ELSE v.amount END) AS amounts,
           a.company, a.requested
    FROM sheet_total t JOIN amount_vote v ON v.sheet_id = t.id
    JOIN application a ON a.id = t.app_id GROUP BY t.app_id)
SELECT RANK() OVER (ORDER BY ROUND(total / 10.0 / n, 2) DESC, data * 1.0 / n DESC,
                    kpi * 1.0 / n DESC, strategy * 1.0 / n DESC) AS rank,
       app_id, company, n, ROUND(total / 10.0 / n, 2) AS base,
       CASE WHEN ROUND(total / 10.0 / n, 2) >= 70 THEN 'target' ELSE 'excluded' END AS band,
       requested,
       CASE WHEN agree * 2 > n THEN requested ELSE amounts / n / 1000 * 1000 END AS amount
FROM app_total ORDER BY rank, app_id;

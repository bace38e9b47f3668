-- Top destination ports by bytes into and out of the home network, from Sguil's sancp table.
-- The same answer as `sguil-bridge report top-ports --home-net 10.0.0.0/8 --since ... --until ...`.
--
-- A session's bytes count by who sent them: what the inside host sent is "from my net", what the
-- outside host sent is "to my net", whichever side opened the session (src = the opener).
-- Sessions inside-to-inside and outside-to-outside are left out. A session belongs to the window its
-- start_time falls in: @since <= start_time < @until (UTC, as Sguil stores it). One pass over the
-- window, using the start_time index of every day table behind the sancp MERGE table.
--
-- Set the window and the home range (first and last address), then run the SELECT.
SET @since  = '2006-06-15 10:00:00';
SET @until  = '2006-06-15 11:00:00';
SET @net_lo = INET_ATON('10.0.0.0');
SET @net_hi = INET_ATON('10.255.255.255');
--
-- More home ranges: set @net2_lo/@net2_hi and so on, and extend both tests below, e.g.
--   (src_ip BETWEEN @net_lo AND @net_hi OR src_ip BETWEEN @net2_lo AND @net2_hi) AS src_in,
--   (dst_ip BETWEEN @net_lo AND @net_hi OR dst_ip BETWEEN @net2_lo AND @net2_hi) AS dst_in
-- Only one sensor: add  AND sid = (SELECT sid FROM sensor WHERE hostname = 'NAME' LIMIT 1)
-- after the start_time condition. Fewer or more ports: change the LIMIT.

SELECT dst_port,
       SUM(IF(src_in, dst_bytes, src_bytes)) AS bytes_to_mynet,
       SUM(IF(src_in, src_bytes, dst_bytes)) AS bytes_from_mynet,
       SUM(src_bytes) + SUM(dst_bytes)       AS total_bytes,
       COUNT(*)                              AS sessions
FROM (SELECT dst_port, src_bytes, dst_bytes,
             (src_ip BETWEEN @net_lo AND @net_hi) AS src_in,
             (dst_ip BETWEEN @net_lo AND @net_hi) AS dst_in
      FROM sancp
      WHERE start_time >= @since AND start_time < @until) s
WHERE src_in <> dst_in
GROUP BY dst_port
ORDER BY total_bytes DESC, dst_port
LIMIT 10;

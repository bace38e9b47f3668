-- Sguil's database (schema version 0.14), as sguild 0.9/1.0 expects it.
--
--   mariadb sguildb < sguil-schema.sql
--
-- Run it on a server configured like a Sguil server: sql_mode='' (sguild's own
-- inserts fail under strict mode) and latin1 as the default character set.
-- Every table is MyISAM, as in Sguil. The script is idempotent.
--
-- This file is also sguil-bridge's only copy of the table definitions: the bridge
-- reads it as a resource. Each statement after a line "-- @day-table NAME" is the
-- template for the per-sensor per-day tables NAME_<sensor>_<YYYYMMDD>: the bridge
-- creates a day table from it with the day table's name and ENGINE=MyISAM, and
-- rebuilds the MERGE table NAME from it with UNION=(all day tables of NAME), the
-- way sguild does. Here the MERGE tables are created empty so that a fresh
-- database can already be queried. Keep each template a single statement ending
-- in "ENGINE=MERGE UNION=() INSERT_METHOD=NO;".

CREATE TABLE IF NOT EXISTS sensor (
  sid           INT UNSIGNED    NOT NULL AUTO_INCREMENT,
  hostname      VARCHAR(255)    NOT NULL,
  agent_type    VARCHAR(40),
  net_name      VARCHAR(40),
  interface     VARCHAR(255),
  description   TEXT,
  bpf_filter    TEXT,
  updated       TIMESTAMP       NOT NULL,
  active        ENUM('Y','N')   DEFAULT 'Y',
  ip            VARCHAR(15)     DEFAULT NULL,
  public_key    VARCHAR(255)    DEFAULT NULL,
  PRIMARY KEY (sid),
  INDEX hostname_idx (hostname)
) ENGINE=MyISAM;

CREATE TABLE IF NOT EXISTS status (
  status_id     SMALLINT UNSIGNED NOT NULL,
  description   VARCHAR(255)    NOT NULL,
  long_desc     VARCHAR(255),
  PRIMARY KEY (status_id)
) ENGINE=MyISAM;

INSERT IGNORE INTO status (status_id, description, long_desc) VALUES
  (0,  'New', 'Real Time Event'),
  (1,  'No Further Action Required', 'No Further Action Required'),
  (2,  'Escalated', 'Escalated'),
  (11, 'Category I', 'Unauthorized Root/Admin Access'),
  (12, 'Category II', 'Unauthorized User Access'),
  (13, 'Category III', 'Attempted Unauthorized Access'),
  (14, 'Category IV', 'Successful Denial of Service Attack'),
  (15, 'Category V', 'Poor Security Practice or Policy Violation'),
  (16, 'Category VI', 'Reconnaissance/Probes/Scans'),
  (17, 'Category VII', 'Virus Infection');

CREATE TABLE IF NOT EXISTS history (
  sid           INT UNSIGNED    NOT NULL,
  cid           INT UNSIGNED    NOT NULL,
  uid           INT UNSIGNED    NOT NULL,
  timestamp     DATETIME        NOT NULL,
  status        SMALLINT UNSIGNED NOT NULL,
  comment       VARCHAR(255),
  INDEX log_time (timestamp)
) ENGINE=MyISAM;

CREATE TABLE IF NOT EXISTS user_info (
  uid           INT UNSIGNED    NOT NULL AUTO_INCREMENT,
  username      VARCHAR(16)     NOT NULL,
  last_login    DATETIME,
  password      CHAR(42),
  PRIMARY KEY (uid)
) ENGINE=MyISAM;

CREATE TABLE IF NOT EXISTS autocat (
  autoid        INT UNSIGNED    NOT NULL AUTO_INCREMENT,
  erase         DATETIME,
  sensorname    VARCHAR(255),
  src_ip        VARCHAR(18),
  src_port      INT UNSIGNED,
  dst_ip        VARCHAR(18),
  dst_port      INT UNSIGNED,
  ip_proto      TINYINT UNSIGNED,
  signature     VARCHAR(255),
  status        SMALLINT UNSIGNED NOT NULL,
  active        ENUM('Y','N')   DEFAULT 'Y',
  timestamp     DATETIME        NOT NULL,
  uid           INT UNSIGNED    NOT NULL,
  comment       VARCHAR(255),
  PRIMARY KEY (autoid)
) ENGINE=MyISAM;

CREATE TABLE IF NOT EXISTS portscan (
  hostname      VARCHAR(255),
  timestamp     DATETIME,
  src_ip        VARCHAR(16),
  src_port      INT UNSIGNED,
  dst_ip        VARCHAR(16),
  dst_port      INT UNSIGNED,
  data          TEXT,
  INDEX ps_src_ip (src_ip),
  INDEX ps_timestamp (timestamp)
) ENGINE=MyISAM;

CREATE TABLE IF NOT EXISTS pads (
  hostname      VARCHAR(255)    NOT NULL,
  sid           INT UNSIGNED    NOT NULL,
  asset_id      INT UNSIGNED    NOT NULL,
  timestamp     DATETIME        NOT NULL,
  ip            INT UNSIGNED    NOT NULL,
  service       VARCHAR(40)     NOT NULL,
  port          INT UNSIGNED    NOT NULL,
  ip_proto      TINYINT UNSIGNED NOT NULL,
  application   VARCHAR(255)    NOT NULL,
  hex_payload   VARCHAR(255),
  PRIMARY KEY (sid, asset_id),
  INDEX ip (ip)
) ENGINE=MyISAM;

CREATE TABLE IF NOT EXISTS nessus (
  uid           INT UNSIGNED    NOT NULL,
  rid           VARCHAR(40)     NOT NULL,
  ip            INT UNSIGNED    NOT NULL,
  timestart     DATETIME,
  timeend       DATETIME,
  PRIMARY KEY (rid),
  INDEX ip (ip)
) ENGINE=MyISAM;

CREATE TABLE IF NOT EXISTS nessus_data (
  rid           VARCHAR(40)     NOT NULL,
  port          VARCHAR(40),
  nessus_id     INT UNSIGNED,
  level         VARCHAR(20),
  description   TEXT,
  INDEX rid (rid)
) ENGINE=MyISAM;

CREATE TABLE IF NOT EXISTS version (
  version       VARCHAR(32)
) ENGINE=MyISAM;

INSERT INTO version (version) SELECT '0.14' FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM version);

-- @day-table event
CREATE TABLE IF NOT EXISTS `event` (
  sid               INT UNSIGNED      NOT NULL,
  cid               INT UNSIGNED      NOT NULL,
  signature         VARCHAR(255)      NOT NULL,
  signature_gen     INT UNSIGNED      NOT NULL,
  signature_id      INT UNSIGNED      NOT NULL,
  signature_rev     INT UNSIGNED      NOT NULL,
  timestamp         DATETIME          NOT NULL,
  unified_event_id  INT UNSIGNED,
  unified_event_ref INT UNSIGNED,
  unified_ref_time  DATETIME,
  priority          INT UNSIGNED,
  class             VARCHAR(20),
  status            SMALLINT UNSIGNED DEFAULT 0,
  src_ip            INT UNSIGNED,
  dst_ip            INT UNSIGNED,
  src_port          INT UNSIGNED,
  dst_port          INT UNSIGNED,
  icmp_type         TINYINT UNSIGNED,
  icmp_code         TINYINT UNSIGNED,
  ip_proto          TINYINT UNSIGNED,
  ip_ver            TINYINT UNSIGNED,
  ip_hlen           TINYINT UNSIGNED,
  ip_tos            TINYINT UNSIGNED,
  ip_len            SMALLINT UNSIGNED,
  ip_id             SMALLINT UNSIGNED,
  ip_flags          TINYINT UNSIGNED,
  ip_off            SMALLINT UNSIGNED,
  ip_ttl            TINYINT UNSIGNED,
  ip_csum           SMALLINT UNSIGNED,
  last_modified     DATETIME,
  last_uid          INT UNSIGNED,
  abuse_queue       ENUM('Y','N'),
  abuse_sent        ENUM('Y','N'),
  PRIMARY KEY (sid, cid),
  INDEX comp_idx (sid, timestamp),
  INDEX src_ip (src_ip),
  INDEX dst_ip (dst_ip),
  INDEX dst_port (dst_port),
  INDEX src_port (src_port),
  INDEX icmp_type (icmp_type),
  INDEX icmp_code (icmp_code),
  INDEX timestamp (timestamp),
  INDEX last_modified (last_modified),
  INDEX signature (signature),
  INDEX status (status)
) ENGINE=MERGE UNION=() INSERT_METHOD=NO;

-- @day-table tcphdr
CREATE TABLE IF NOT EXISTS `tcphdr` (
  sid           INT UNSIGNED      NOT NULL,
  cid           INT UNSIGNED      NOT NULL,
  tcp_seq       INT UNSIGNED,
  tcp_ack       INT UNSIGNED,
  tcp_off       TINYINT UNSIGNED,
  tcp_res       TINYINT UNSIGNED,
  tcp_flags     TINYINT UNSIGNED,
  tcp_win       SMALLINT UNSIGNED,
  tcp_csum      SMALLINT UNSIGNED,
  tcp_urp       SMALLINT UNSIGNED,
  PRIMARY KEY (sid, cid)
) ENGINE=MERGE UNION=() INSERT_METHOD=NO;

-- @day-table udphdr
CREATE TABLE IF NOT EXISTS `udphdr` (
  sid           INT UNSIGNED      NOT NULL,
  cid           INT UNSIGNED      NOT NULL,
  udp_len       SMALLINT UNSIGNED,
  udp_csum      SMALLINT UNSIGNED,
  PRIMARY KEY (sid, cid)
) ENGINE=MERGE UNION=() INSERT_METHOD=NO;

-- @day-table icmphdr
CREATE TABLE IF NOT EXISTS `icmphdr` (
  sid           INT UNSIGNED      NOT NULL,
  cid           INT UNSIGNED      NOT NULL,
  icmp_csum     SMALLINT UNSIGNED,
  icmp_id       SMALLINT UNSIGNED,
  icmp_seq      SMALLINT UNSIGNED,
  PRIMARY KEY (sid, cid)
) ENGINE=MERGE UNION=() INSERT_METHOD=NO;

-- @day-table data
CREATE TABLE IF NOT EXISTS `data` (
  sid           INT UNSIGNED      NOT NULL,
  cid           INT UNSIGNED      NOT NULL,
  data_payload  TEXT,
  PRIMARY KEY (sid, cid)
) ENGINE=MERGE UNION=() INSERT_METHOD=NO;

-- @day-table sancp
CREATE TABLE IF NOT EXISTS `sancp` (
  sid           INT UNSIGNED      NOT NULL,
  sancpid       BIGINT UNSIGNED   NOT NULL,
  start_time    DATETIME          NOT NULL,
  end_time      DATETIME          NOT NULL,
  duration      INT UNSIGNED      NOT NULL,
  ip_proto      TINYINT UNSIGNED  NOT NULL,
  src_ip        INT UNSIGNED,
  src_port      SMALLINT UNSIGNED,
  dst_ip        INT UNSIGNED,
  dst_port      SMALLINT UNSIGNED,
  src_pkts      INT UNSIGNED      NOT NULL,
  src_bytes     INT UNSIGNED      NOT NULL,
  dst_pkts      INT UNSIGNED      NOT NULL,
  dst_bytes     INT UNSIGNED      NOT NULL,
  src_flags     TINYINT UNSIGNED  NOT NULL,
  dst_flags     TINYINT UNSIGNED  NOT NULL,
  PRIMARY KEY (sid, sancpid),
  INDEX src_ip (src_ip),
  INDEX dst_ip (dst_ip),
  INDEX dst_port (dst_port),
  INDEX src_port (src_port),
  INDEX start_time (start_time)
) ENGINE=MERGE UNION=() INSERT_METHOD=NO;

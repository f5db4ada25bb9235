-- Rate limits are counted by platform-commons' limiter in platform_rate_limit (db/platform); the service's own
-- window table is no longer written.
drop table rate_limit_window;

-- The specs/004 rate limits count in platform-commons' platform_rate_limit now (rules in application.properties).
drop table rate_limit_counter;

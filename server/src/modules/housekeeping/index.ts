export { PURGE_JOB, purgeExpiredRows, purgeJob, schedulePurge } from './purge-expired-rows';

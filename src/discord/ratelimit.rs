//! Per-member command rate limit: a sliding window of recent invocations, so
//! one member cannot flood the bot (or the database) with commands.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Refused: the member may try again after this long.
#[derive(Debug, thiserror::Error)]
#[error("slow down: you can use Goodwill commands again in {} s", .retry_after.as_secs().max(1))]
pub struct RateLimited {
    pub retry_after: Duration,
}

/// At most `max` commands per member within `window`.
pub struct RateLimiter {
    max: usize,
    window: Duration,
    seen: Mutex<HashMap<u64, VecDeque<(Instant, u64)>>>,
}

impl RateLimiter {
    pub fn new(max: usize, window: Duration) -> Self {
        RateLimiter {
            max: max.max(1),
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Record invocation `invocation` (an interaction id) by `member` at `now`,
    /// or refuse it. Checking the same invocation again (a subcommand's parent
    /// and child are both checked) counts once.
    pub fn check(&self, member: u64, invocation: u64, now: Instant) -> Result<(), RateLimited> {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() > 10_000 {
            // Forget members idle for a whole window (bounded memory).
            let window = self.window;
            seen.retain(|_, q| {
                q.back()
                    .is_some_and(|(t, _)| now.duration_since(*t) < window)
            });
        }
        let q = seen.entry(member).or_default();
        while q
            .front()
            .is_some_and(|(t, _)| now.duration_since(*t) >= self.window)
        {
            q.pop_front();
        }
        if q.iter().any(|(_, i)| *i == invocation) {
            return Ok(());
        }
        if q.len() >= self.max {
            let (oldest, _) = *q.front().expect("non-empty when full");
            return Err(RateLimited {
                retry_after: self.window.saturating_sub(now.duration_since(oldest)),
            });
        }
        q.push_back((now, invocation));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_past_the_limit_and_recovers() {
        let r = RateLimiter::new(3, Duration::from_secs(10));
        let t = Instant::now();
        for i in 0..3 {
            r.check(1, 100 + i, t + Duration::from_secs(i)).unwrap();
        }
        assert!(
            r.check(1, 102, t + Duration::from_secs(3)).is_ok(),
            "the same invocation counts once"
        );
        let e = r.check(1, 200, t + Duration::from_secs(3)).unwrap_err();
        assert_eq!(e.retry_after, Duration::from_secs(7));
        assert!(
            r.check(2, 201, t + Duration::from_secs(3)).is_ok(),
            "other members are not affected"
        );
        assert!(
            r.check(1, 202, t + Duration::from_secs(10)).is_ok(),
            "the window moved on"
        );
    }
}

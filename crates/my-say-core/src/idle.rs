//! When the staff workspace locks itself: after a time without input, and when the device has
//! slept for longer than that.
//!
//! The workspace feeds [`IdleLock`] the wall-clock time (milliseconds since 1970) of every input
//! and of every timer tick (and of the page coming back into view). A laptop that sleeps runs no
//! timers, so its first tick, or the first key pressed, after waking sees the clock jump; a jump
//! longer than the limit locks, even when that key press would otherwise count as fresh input.

/// How many minutes without input lock the workspace until the IRO chooses otherwise.
pub const DEFAULT_LOCK_AFTER_MINUTES: u32 = 15;

/// The choices the settings page offers, in minutes.
pub const LOCK_AFTER_CHOICES: [u32; 5] = [5, 10, 15, 30, 60];

/// The minutes to use for a stored setting: a choice as it is, anything else (missing, or not
/// one of [`LOCK_AFTER_CHOICES`], such as 0 from a hand-edited file) the default.
pub fn lock_after_minutes(stored: Option<u32>) -> u32 {
    stored
        .filter(|m| LOCK_AFTER_CHOICES.contains(m))
        .unwrap_or(DEFAULT_LOCK_AFTER_MINUTES)
}

/// Whether the workspace stays open or locks now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Carry on.
    Stay,
    /// Lock the workspace.
    Lock,
}

/// The idle rule: the time of the last input and of the last thing seen (input or tick), and
/// the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdleLock {
    limit_ms: u64,
    last_input_ms: u64,
    last_seen_ms: u64,
}

impl IdleLock {
    /// Starts counting at `now_ms` (the workspace was just unlocked), locking after `minutes`.
    pub fn new(now_ms: u64, minutes: u32) -> Self {
        IdleLock {
            limit_ms: u64::from(minutes) * 60_000,
            last_input_ms: now_ms,
            last_seen_ms: now_ms,
        }
    }

    /// A new limit (the IRO changed the setting), counted from the last input.
    pub fn set_minutes(&mut self, minutes: u32) {
        self.limit_ms = u64::from(minutes) * 60_000;
    }

    /// A timer tick, or the page shown again, at `now_ms`.
    pub fn tick(&mut self, now_ms: u64) -> Verdict {
        let verdict = self.due(now_ms);
        self.seen(now_ms);
        verdict
    }

    /// Input (a key, a tap, the mouse) at `now_ms`. When the lock was already due, say after a
    /// laptop wakes and a key is pressed before the next tick, it locks and the input does not
    /// count.
    pub fn input(&mut self, now_ms: u64) -> Verdict {
        let verdict = self.due(now_ms);
        self.seen(now_ms);
        if verdict == Verdict::Stay {
            self.last_input_ms = now_ms;
        }
        verdict
    }

    /// Locks when the limit has passed since the last input, or the clock jumped by the limit
    /// or more since it was last seen (forwards: the device slept; backwards: its clock was
    /// set back, which must not keep a workspace open).
    fn due(&self, now_ms: u64) -> Verdict {
        let idle = now_ms.saturating_sub(self.last_input_ms);
        let jump = now_ms.abs_diff(self.last_seen_ms);
        if idle >= self.limit_ms || jump >= self.limit_ms {
            Verdict::Lock
        } else {
            Verdict::Stay
        }
    }

    /// Remembers `now_ms` as the last time seen. A clock set back a little (less than the limit)
    /// moves the last input back with it, so the time without input is never counted as less.
    fn seen(&mut self, now_ms: u64) {
        self.last_seen_ms = now_ms;
        self.last_input_ms = self.last_input_ms.min(now_ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MIN: u64 = 60_000;
    const T0: u64 = 1_796_000_000_000;

    #[test]
    fn locks_after_fifteen_minutes_without_input_and_input_resets_it() {
        let mut idle = IdleLock::new(T0, DEFAULT_LOCK_AFTER_MINUTES);
        for m in 1..15 {
            assert_eq!(idle.tick(T0 + m * MIN), Verdict::Stay, "{m} minutes");
        }
        assert_eq!(idle.input(T0 + 14 * MIN + 59_000), Verdict::Stay);
        assert_eq!(idle.tick(T0 + 15 * MIN), Verdict::Stay);
        assert_eq!(idle.tick(T0 + 28 * MIN), Verdict::Stay);
        assert_eq!(idle.tick(T0 + 29 * MIN + 59_000), Verdict::Lock);
    }

    #[test]
    fn a_key_pressed_after_sleep_locks_instead_of_counting() {
        let mut idle = IdleLock::new(T0, 15);
        assert_eq!(idle.input(T0 + MIN), Verdict::Stay);
        // The lid closes; twenty minutes later a key is pressed before any tick.
        assert_eq!(idle.input(T0 + 21 * MIN), Verdict::Lock);
    }

    #[test]
    fn a_clock_jump_longer_than_the_limit_locks_even_with_recent_input() {
        let mut idle = IdleLock::new(T0, 15);
        // Input came in moments before the device slept; the tick after waking sees the jump.
        assert_eq!(idle.tick(T0 + 30_000), Verdict::Stay);
        assert_eq!(idle.input(T0 + 40_000), Verdict::Stay);
        assert_eq!(idle.tick(T0 + 40_000 + 15 * MIN), Verdict::Lock);
        // A clock set back by the limit locks too.
        let mut back = IdleLock::new(T0, 15);
        assert_eq!(back.tick(T0 - 15 * MIN), Verdict::Lock);
    }

    #[test]
    fn a_clock_set_back_a_little_does_not_shorten_the_time_without_input() {
        let mut idle = IdleLock::new(T0, 15);
        assert_eq!(idle.tick(T0 - 2 * MIN), Verdict::Stay);
        assert_eq!(idle.tick(T0 + 12 * MIN), Verdict::Stay);
        assert_eq!(idle.tick(T0 + 13 * MIN), Verdict::Lock);
    }

    #[test]
    fn the_setting_is_one_of_the_choices_or_the_default() {
        assert_eq!(lock_after_minutes(None), 15);
        assert_eq!(lock_after_minutes(Some(5)), 5);
        assert_eq!(lock_after_minutes(Some(60)), 60);
        assert_eq!(lock_after_minutes(Some(0)), 15);
        assert_eq!(lock_after_minutes(Some(10_000)), 15);
        let mut idle = IdleLock::new(T0, 15);
        idle.set_minutes(5);
        assert_eq!(idle.tick(T0 + 4 * MIN), Verdict::Stay);
        assert_eq!(idle.tick(T0 + 5 * MIN), Verdict::Lock);
    }

    proptest! {
        /// However events interleave, with every gap shorter than the limit and input at least
        /// every limit, the workspace stays open; it locks exactly when the time since the last
        /// input reaches the limit.
        #[test]
        fn locks_exactly_when_input_stops_for_the_limit(
            minutes in proptest::sample::select(LOCK_AFTER_CHOICES.to_vec()),
            steps in proptest::collection::vec((any::<bool>(), 1u64..60_000), 1..200),
        ) {
            let limit = u64::from(minutes) * MIN;
            let mut idle = IdleLock::new(T0, minutes);
            let (mut now, mut last_input) = (T0, T0);
            for (is_input, gap) in steps {
                now += gap;
                let expected = if now - last_input >= limit { Verdict::Lock } else { Verdict::Stay };
                let verdict = if is_input { idle.input(now) } else { idle.tick(now) };
                prop_assert_eq!(verdict, expected);
                if verdict == Verdict::Lock {
                    return Ok(());
                }
                if is_input {
                    last_input = now;
                }
            }
        }

        /// Any gap of the limit or more between two events locks, input or tick.
        #[test]
        fn any_jump_of_the_limit_locks(
            minutes in proptest::sample::select(LOCK_AFTER_CHOICES.to_vec()),
            before in 0u64..60_000,
            extra in 0u64..10_000_000,
            is_input: bool,
        ) {
            let mut idle = IdleLock::new(T0, minutes);
            prop_assert_eq!(idle.input(T0 + before), Verdict::Stay);
            let now = T0 + before + u64::from(minutes) * MIN + extra;
            let verdict = if is_input { idle.input(now) } else { idle.tick(now) };
            prop_assert_eq!(verdict, Verdict::Lock);
        }
    }
}

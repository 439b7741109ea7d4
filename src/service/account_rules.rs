//! The rules of accounts the service opens with: how long links and sessions last, and
//! how many links one address may ask for.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota};

/// How long a sign-in link works.
pub const LINK_VALIDITY: Duration = Duration::from_secs(15 * 60);
/// How long a page session lasts.
pub const PAGE_SESSION: Duration = Duration::from_secs(12 * 3600);
/// How long an API token lasts.
pub const API_TOKEN: Duration = Duration::from_secs(3600);
/// What API tokens of accounts start with (secretariat keys never do).
pub const API_TOKEN_PREFIX: &str = "acct_";
/// Sign-in links mailed to one address: this many at once, then one per
/// [`ADDRESS_REFILL`].
const ADDRESS_BURST: u32 = 3;
const ADDRESS_REFILL: Duration = Duration::from_secs(5 * 60);

/// Sign-in links asked for, per address.
pub struct SignInLimits(pub(super) DefaultKeyedRateLimiter<String>);

impl Default for SignInLimits {
    fn default() -> SignInLimits {
        let burst = NonZeroU32::new(ADDRESS_BURST).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(ADDRESS_REFILL)
            .unwrap_or_else(|| Quota::per_hour(burst))
            .allow_burst(burst);
        SignInLimits(DefaultKeyedRateLimiter::keyed(quota))
    }
}

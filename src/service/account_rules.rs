//! The rules of accounts the service opens with: how long links and sessions last, and
//! how many messages of a kind one address may be sent.

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
/// Messages of one kind (sign-in links, submission notices) to one address: this many at
/// once, then one per [`ADDRESS_REFILL`].
const ADDRESS_BURST: u32 = 3;
const ADDRESS_REFILL: Duration = Duration::from_secs(5 * 60);

/// Messages of one kind sent, per address.
pub struct AddressLimits(DefaultKeyedRateLimiter<String>);

impl AddressLimits {
    /// Takes one from the address's budget; `false` when it is spent.
    pub(super) fn allows(&self, address: &str) -> bool {
        // Forget addresses whose budget is full again, so the table stays small.
        if self.0.len() > 10_000 {
            self.0.retain_recent();
        }
        self.0.check_key(&address.to_string()).is_ok()
    }
}

impl Default for AddressLimits {
    fn default() -> AddressLimits {
        let burst = NonZeroU32::new(ADDRESS_BURST).unwrap_or(NonZeroU32::MIN);
        let quota = Quota::with_period(ADDRESS_REFILL)
            .unwrap_or_else(|| Quota::per_hour(burst))
            .allow_burst(burst);
        AddressLimits(DefaultKeyedRateLimiter::keyed(quota))
    }
}

package com.resellerhub.billing.security;

import java.util.Optional;

/** Which account a user acts for through the customer API; implemented by the account feature. */
public interface AccountLinks {

  Optional<Long> accountOf(String userId);
}

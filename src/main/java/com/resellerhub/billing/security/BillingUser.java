package com.resellerhub.billing.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** An authenticated user: the Camunda user id, its groups as authorities and, for a customer, its account. */
public class BillingUser extends User {

  private final Long accountId;
  private final List<String> groups;

  public BillingUser(String userId, Collection<? extends GrantedAuthority> authorities, List<String> groups,
      Long accountId) {
    super(userId, "", authorities);
    this.groups = List.copyOf(groups);
    this.accountId = accountId;
  }

  /** The account of a customer user, or null for staff. */
  public Long getAccountId() {
    return accountId;
  }

  public List<String> getGroups() {
    return groups;
  }
}

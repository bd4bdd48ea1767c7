package com.resellerhub.billing.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One identity for everyone (SEC-1): our own API authenticates against the users and groups of Camunda's identity
 * service, the same ones Tasklist, Cockpit and the engine's REST API use.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final AccountLinks accountLinks;
  private final LoginThrottle throttle;
  private final VerifiedCredentials verified;

  public CamundaIdentityAuthenticationProvider(IdentityService identityService, AccountLinks accountLinks,
      LoginThrottle throttle, VerifiedCredentials verified) {
    this.verified = verified;
    this.identityService = identityService;
    this.accountLinks = accountLinks;
    this.throttle = throttle;
  }

  /**
   * HTTP Basic of our API and of {@code /engine-rest}: refused unchecked while the user or the client is locked
   * (SEC-7), else taken from {@link VerifiedCredentials} when verified moments ago, else checked by Camunda's identity
   * service and the outcome counted.
   */
  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null) {
      throw new BadCredentialsException("Bad credentials");
    }
    String client = authentication.getDetails() instanceof WebAuthenticationDetails web
        && web.getRemoteAddress() != null ? web.getRemoteAddress() : "unknown";
    throttle.lockedFor(userId, client).ifPresent(wait -> {
      throw new LoginThrottledException(wait);
    });
    String password = credentials.toString();
    BillingUser remembered = verified.verified(userId, password).orElse(null);
    if (remembered != null) {
      return UsernamePasswordAuthenticationToken.authenticated(remembered, null, remembered.getAuthorities());
    }
    long generation = verified.generation(userId);
    if (!identityService.checkPassword(userId, password)) {
      throttle.failed(userId, client);
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(userId, client);
    BillingUser user = load(userId);
    verified.remember(userId, password, user, generation);
    return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
  }

  /** The user's groups as {@code GROUP_<id>} authorities, plus {@code ROLE_CUSTOMER} when linked to an account. */
  public BillingUser load(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<GrantedAuthority> authorities = new ArrayList<>();
    groups.forEach(g -> authorities.add(new SimpleGrantedAuthority(Roles.group(g))));
    Long accountId = accountLinks.accountOf(userId).orElse(null);
    if (accountId != null) {
      authorities.add(new SimpleGrantedAuthority(Roles.CUSTOMER));
    }
    return new BillingUser(userId, authorities, groups, accountId);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

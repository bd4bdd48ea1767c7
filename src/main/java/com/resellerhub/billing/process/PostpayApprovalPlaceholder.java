package com.resellerhub.billing.process;

import com.resellerhub.billing.order.PostpayApprovalService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until the order feature implements {@link PostpayApprovalService}, this placeholder lets the application start
 * and makes every service task of the approval fail loudly (retries, then an incident in Cockpit). It steps back as
 * soon as a real implementation is a bean; delete it then.
 */
@Configuration(proxyBeanMethods = false)
public class PostpayApprovalPlaceholder {

  @Bean
  @ConditionalOnMissingBean(PostpayApprovalService.class)
  PostpayApprovalService unimplementedPostpayApprovalService() {
    return new PostpayApprovalService() {
      @Override
      public void approve(long accountId, String approverUserId) {
        throw missing();
      }

      @Override
      public void decline(long accountId, String approverUserId, String reason) {
        throw missing();
      }

      @Override
      public void escalate(long accountId) {
        throw missing();
      }

      private IllegalStateException missing() {
        return new IllegalStateException("No PostpayApprovalService is implemented yet (the order feature provides it)");
      }
    };
  }
}

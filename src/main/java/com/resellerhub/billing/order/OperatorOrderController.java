package com.resellerhub.billing.order;

import com.resellerhub.billing.web.PageOf;

import com.resellerhub.billing.idempotency.IdempotentRequests;
import com.resellerhub.billing.security.BillingUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders placed and read by managers (PP-9: the same postpay rules as the customer API). */
@RestController
@RequestMapping("/api/operator")
@Tag(name = "operator", description = "Operator API: managers")
public class OperatorOrderController {

  private final OrderService orders;
  private final OrderViews views;
  private final IdempotentRequests idempotent;

  public OperatorOrderController(OrderService orders, OrderViews views, IdempotentRequests idempotent) {
    this.orders = orders;
    this.views = views;
    this.idempotent = idempotent;
  }

  @PostMapping("/accounts/{accountId}/orders")
  @Operation(summary = "Order a plan for an account on its behalf")
  public ResponseEntity<?> place(@PathVariable long accountId, @Valid @RequestBody NewOrderRequest request,
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    return idempotent.run(user.getUsername(), "POST /api/operator/accounts/" + accountId + "/orders", key, request,
        () -> {
          Order order = orders.place(new OrderService.PlaceOrder(accountId, request.planId(), request.isTrial(),
              user.getUsername(), OrderChannel.OPERATOR_API));
          return ResponseEntity.status(HttpStatus.CREATED).body(views.operator(order));
        });
  }

  @GetMapping("/accounts/{accountId}/orders")
  @Operation(summary = "An account's orders, newest first")
  public PageOf<OrderViews.OrderView> ofAccount(@PathVariable long accountId,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return views.operatorPage(orders.ofAccount(accountId, PageRequest.of(Math.max(0, page),
        Math.min(Math.max(1, size), 100))));
  }

  @GetMapping("/orders")
  @Operation(summary = "All orders, optionally by status, newest first")
  public PageOf<OrderViews.OrderView> list(@RequestParam(required = false) OrderStatus status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    return views.operatorPage(orders.list(status, PageRequest.of(Math.max(0, page),
        Math.min(Math.max(1, size), 100))));
  }

  @GetMapping("/orders/{id}")
  @Operation(summary = "One order")
  public OrderViews.OrderView get(@PathVariable long id) {
    return views.operator(orders.get(id));
  }
}

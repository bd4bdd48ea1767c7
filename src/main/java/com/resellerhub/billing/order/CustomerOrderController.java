package com.resellerhub.billing.order;

import com.resellerhub.billing.web.PageOf;

import com.resellerhub.billing.idempotency.IdempotentRequests;
import com.resellerhub.billing.security.BillingUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

/** The customer's own orders (PP-9: the postpay rules apply here as in the operator API). */
@RestController
@RequestMapping("/api/customer/orders")
@Tag(name = "customer", description = "Customer API: the caller's own account")
public class CustomerOrderController {

  private final OrderService orders;
  private final OrderViews views;
  private final IdempotentRequests idempotent;

  public CustomerOrderController(OrderService orders, OrderViews views, IdempotentRequests idempotent) {
    this.orders = orders;
    this.views = views;
    this.idempotent = idempotent;
  }

  @PostMapping
  @Operation(summary = "Order a plan (trial or commercial) for the caller's account")
  public ResponseEntity<?> place(@Valid @RequestBody NewOrderRequest request,
      @Parameter(description = "Repeat-safe key: a repeat returns the first answer and creates nothing")
      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
      @AuthenticationPrincipal BillingUser user) {
    return idempotent.run(user.getUsername(), "POST /api/customer/orders", key, request, () -> {
      Order order = orders.place(new OrderService.PlaceOrder(user.getAccountId(), request.planId(),
          request.isTrial(), user.getUsername(), OrderChannel.CUSTOMER_API));
      return ResponseEntity.status(HttpStatus.CREATED).body(views.customer(order));
    });
  }

  @GetMapping
  @Operation(summary = "The caller's orders, newest first")
  public PageOf<OrderViews.CustomerOrderView> list(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal BillingUser user) {
    return views.customerPage(orders.ofAccount(user.getAccountId(), PageRequest.of(Math.max(0, page),
        Math.min(Math.max(1, size), 100))));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One of the caller's orders (another account's order answers 404)")
  public OrderViews.CustomerOrderView get(@PathVariable long id, @AuthenticationPrincipal BillingUser user) {
    return views.customer(orders.getOfAccount(user.getAccountId(), id));
  }
}

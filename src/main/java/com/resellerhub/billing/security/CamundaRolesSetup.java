package com.resellerhub.billing.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The roles of SEC-2 as Camunda groups and authorizations, created at start-up when missing (every environment,
 * not only the demo). {@code camunda-admin} and its authorizations come from {@code camunda.bpm.admin-user}.
 * <ul>
 *   <li>{@code managers}: Tasklist; read, claim and complete tasks of every process; read instances and history;</li>
 *   <li>{@code analysts}: Cockpit, read-only: definitions, instances, history, tasks, deployments; no task work,
 *       no instance changes;</li>
 *   <li>{@code erp}: no webapp; the ERP API of our own.</li>
 * </ul>
 * Tasklist gets the filters "Review queue" (tasks of my groups), "My tasks" and "Overdue accounts" (COL-2's reviews).
 */
@Component
public class CamundaRolesSetup {

  private static final Logger log = LoggerFactory.getLogger(CamundaRolesSetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;

  public CamundaRolesSetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void ensureRoles() {
    group(Roles.MANAGERS, "Managers");
    group(Roles.ANALYSTS, "Analysts");
    group(Roles.ERP, "ERP integration");

    grant(Roles.MANAGERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(Roles.MANAGERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK,
        ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
    grant(Roles.MANAGERS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE,
        TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN, TaskPermissions.READ_HISTORY);
    grant(Roles.MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(Roles.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Roles.MANAGERS, Resources.FILTER, ANY, Permissions.READ);
    grant(Roles.MANAGERS, Resources.USER, ANY, Permissions.READ);
    grant(Roles.MANAGERS, Resources.GROUP, ANY, Permissions.READ);

    grant(Roles.ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Roles.ANALYSTS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    grant(Roles.ANALYSTS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(Roles.ANALYSTS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.READ_HISTORY);
    grant(Roles.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(Roles.ANALYSTS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(Roles.ANALYSTS, Resources.BATCH, ANY, Permissions.READ);
    grant(Roles.ANALYSTS, Resources.USER, ANY, Permissions.READ);
    grant(Roles.ANALYSTS, Resources.GROUP, ANY, Permissions.READ);

    filter("Review queue", 0, taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks());
    filter("My tasks", 1, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    // COL-2: the second kind of manual operation gets its own queue
    filter("Overdue accounts", 2, taskService.createTaskQuery().processDefinitionKey("collections")
        .taskDefinitionKey("Task_ReviewOverdueAccount").taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks());
  }

  private void group(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
      log.info("Created group {}", id);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).list().stream()
        .filter(a -> a.getAuthorizationType() == AUTH_TYPE_GRANT).findFirst().orElse(null);
    Authorization authorization = existing;
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = existing == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void filter(String name, int priority, TaskQuery query) {
    if (filterService.createTaskFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Map<String, Object> properties = new HashMap<>();
    properties.put("priority", priority);
    properties.put("description", name);
    properties.put("refresh", true);
    properties.put("variables", List.of());
    Filter filter = filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
    filterService.saveFilter(filter);
  }
}

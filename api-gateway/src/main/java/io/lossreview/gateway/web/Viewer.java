package io.lossreview.gateway.web;

import io.lossreview.gateway.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.ArrayList;
import java.util.List;

/** Who is looking, and the pages their roles open (the navigation shows only those). */
public record Viewer(String name, String roles, List<Link> links, String current) {

    /** One entry of the navigation. */
    public record Link(String path, String label) {
    }

    public static Viewer of(SecurityIdentity identity, String current) {
        boolean exec = identity.hasRole(Roles.EXECUTIVE);
        boolean ops = identity.hasRole(Roles.OPS);
        boolean admin = identity.hasRole(Roles.ADMIN);
        List<Link> links = new ArrayList<>();
        if (exec || ops || admin) {
            links.add(new Link("/app/dashboard", "Dashboard"));
            links.add(new Link("/app/packets", "Packet"));
        }
        if (exec) {
            links.add(new Link("/app/my-calls", "My calls"));
        }
        if (ops || admin) {
            links.add(new Link("/app/calls", "Calls"));
            links.add(new Link("/app/review-queue", "Review queue"));
            links.add(new Link("/app/rejected-events", "Rejected events"));
        }
        if (exec || ops || admin) {
            links.add(new Link("/app/actions", "Action items"));
        }
        return new Viewer(identity.getPrincipal().getName(), String.join(", ", new java.util.TreeSet<>(identity.getRoles())),
                links, current);
    }

    public boolean isOps() {
        return roles.contains(Roles.OPS) || roles.contains(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}

import type Graph from 'graphology';

export interface BrokerageRoles {
    /** a → b → c all in one group. */
    coordinator: number;
    /** a and c in one group, the broker b in another (also called consultant). */
    itinerant: number;
    /** b in a's group, c in another: b represents its group towards c. */
    representative: number;
    /** b in c's group, a in another: b controls what reaches its group. */
    gatekeeper: number;
    /** a, b and c in three different groups. */
    liaison: number;
}

/**
 * Gould–Fernandez brokerage roles (Gould & Fernandez 1989) on D: for every open two-path
 * a → b → c (a ≠ c, no arc a → c), the broker b gets one role according to the groups of a,
 * b and c. Groups are zones: an actor's group is its declared zone; actors without a zone
 * form one group together.
 */
export function brokerage(D: Graph, groupOf: (actor: string) => string): Map<string, BrokerageRoles> {
    const result = new Map<string, BrokerageRoles>();
    D.forEachNode(broker => {
        const roles: BrokerageRoles = { coordinator: 0, itinerant: 0, representative: 0, gatekeeper: 0, liaison: 0 };
        const gb = groupOf(broker);
        D.forEachInNeighbor(broker, source => {
            const ga = groupOf(source);
            D.forEachOutNeighbor(broker, target => {
                if (target === source || D.hasDirectedEdge(source, target)) return;
                const gc = groupOf(target);
                if (ga === gb && gb === gc) roles.coordinator++;
                else if (ga === gc) roles.itinerant++;
                else if (ga === gb) roles.representative++;
                else if (gb === gc) roles.gatekeeper++;
                else roles.liaison++;
            });
        });
        result.set(broker, roles);
    });
    return result;
}

import type { Stream, ValidationCategory, ValidationCheck, ValidationChecks } from 'langium';
import { stream, ValidationRegistry } from 'langium';

const CONTEXT = 'An error occurred during validation';

/**
 * Langium's registry, made cheaper per node for the first build of a large workspace (300,000
 * nodes at 15,500 actors):
 * - its wrapper around each check no longer makes a synchronous check asynchronous (Langium's
 *   took several turns of the microtask queue per check and node). A check that throws, or
 *   returns a promise, is handled as Langium handles it: an error diagnostic on the node,
 *   cancellation passed on;
 * - the checks of a type are listed once, not filtered again through streams for each node.
 */
export class TerritoryValidationRegistry extends ValidationRegistry {
    /**
     * The checks of each type for the categories last asked for. Langium's document builder
     * asks with one list of categories per document it validates, so the lists are made once
     * per document and type, and looked up by type alone for every node.
     */
    private listed?: { readonly categories?: ValidationCategory[]; readonly byType: Map<string, ValidationCheck[]> };

    override getChecks(type: string, categories?: ValidationCategory[]): Stream<ValidationCheck> {
        return stream(this.checksOf(type, categories));
    }

    /** `getChecks` as a list: the validator runs it for every node, with no stream to make and walk. */
    checksOf(type: string, categories?: ValidationCategory[]): readonly ValidationCheck[] {
        if (!this.listed || this.listed.categories !== categories) this.listed = { categories, byType: new Map() };
        let checks = this.listed.byType.get(type);
        if (!checks) this.listed.byType.set(type, checks = super.getChecks(type, categories).toArray());
        return checks;
    }

    override register<T>(checksRecord: ValidationChecks<T>, thisObj?: ThisParameterType<unknown>, category?: ValidationCategory): void {
        this.listed = undefined;
        super.register(checksRecord, thisObj, category);
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            let checking: unknown;
            try {
                checking = check.call(thisObj, node, accept, cancelToken);
            } catch (error) {
                return this.handleException(() => { throw error; }, CONTEXT, accept, node);
            }
            return checking instanceof Promise ? this.handleException(() => checking as Promise<void>, CONTEXT, accept, node) : undefined;
        };
    }
}

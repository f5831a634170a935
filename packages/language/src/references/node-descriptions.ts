import type { AstNode, AstNodeDescription, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';

/**
 * Descriptions of named elements (what the index exports and the global scope resolves
 * names with), one per element, kept while the element lives. An edit parses again only the
 * statements it touched (see `reparseStatements`): the file's other elements keep their
 * nodes, and their descriptions are reused instead of being made again on each keystroke
 * (15,500 of them per province file at 15,500 actors). Where an element sits (its path, its
 * name's and its own range) moves with the edits before it, so it is computed when asked for.
 */
export class TerritoryAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    private readonly made = new WeakMap<AstNode, AstNodeDescription>();

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        const made = this.made.get(node);
        if (made && made.name === name && made.documentUri.toString() === documentUri.toString()) return made;
        const locator = this.astNodeLocator;
        const names = this.nameProvider;
        const description: AstNodeDescription = {
            node,
            name,
            type: node.$type,
            documentUri,
            get path() {
                return locator.getAstNodePath(node);
            },
            get nameSegment() {
                return CstUtils.toDocumentSegment(names.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return CstUtils.toDocumentSegment(node.$cstNode);
            }
        };
        this.made.set(node, description);
        return description;
    }
}

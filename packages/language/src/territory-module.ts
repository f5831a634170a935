import type { DeepPartial, Module } from 'langium';
import { inject, URI } from 'langium';
import type {
    DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices,
    PartialLangiumSharedServices
} from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { TerritoryGeneratedSharedModule, TerritoryLanguageGeneratedModule } from './generated/module.js';
import { createTerritoryCompletionParser, createTerritoryParser } from './parser/parser.js';
import { TerritoryTokenBuilder } from './parser/token-builder.js';
import { TerritoryValueConverter } from './parser/value-converter.js';
import { TerritoryScopeComputation } from './references/scope-computation.js';
import { TerritoryLinker } from './references/linker.js';
import { TerritoryScopeProvider } from './references/scope-provider.js';
import { TerritoryAstNodeDescriptionProvider } from './references/node-descriptions.js';
import { TerritoryDocumentBuilder } from './workspace/document-builder.js';
import { TerritoryWorkspaceManager } from './workspace/workspace-manager.js';
import { TerritoryModelIndex } from './workspace/model-index.js';
import { TerritoryIndexManager, TerritoryReferenceDescriptionProvider } from './workspace/index-manager.js';
import { RequestsFirstLock } from './workspace/requests-first-lock.js';
import { TerritoryDocumentValidator } from './validation/document-validator.js';
import { TerritoryValidationRegistry } from './validation/validation-registry.js';
import { registerValidationChecks, TerritoryValidator } from './validation/territory-validator.js';
import { TerritoryHoverProvider } from './lsp/hover-provider.js';
import { TerritoryCompletionProvider } from './lsp/completion-provider.js';
import { TerritoryFormatter } from './lsp/formatter.js';
import { TerritoryCodeActionProvider } from './lsp/code-actions.js';
import { TerritorySemanticTokenProvider } from './lsp/semantic-tokens.js';
import { TerritoryRenameProvider } from './lsp/rename-provider.js';
import { TerritoryFuzzyMatcher } from './lsp/fuzzy-matcher.js';
import { TerritoryCodeLensProvider } from './lsp/code-lens-provider.js';
import { TerritoryAnalysisService } from './analysis/analysis-service.js';
import type { AnalysisRunner } from './analysis/analysis-runner.js';
import { InProcessAnalysisRunner } from './analysis/analysis-runner.js';
import { PRELUDE_TEXT, PRELUDE_URI } from './prelude.js';

/** Services the territory language adds to Langium's. */
export type TerritoryAddedServices = {
    references: {
        ModelIndex: TerritoryModelIndex;
    };
    analysis: {
        AnalysisService: TerritoryAnalysisService;
        AnalysisRunner: AnalysisRunner;
    };
    validation: {
        TerritoryValidator: TerritoryValidator;
    };
};

export type TerritoryServices = LangiumServices & TerritoryAddedServices;

export const TerritoryModule: Module<TerritoryServices, PartialLangiumServices & TerritoryAddedServices> = {
    parser: {
        LangiumParser: (services) => createTerritoryParser(services),
        CompletionParser: (services) => createTerritoryCompletionParser(services),
        TokenBuilder: () => new TerritoryTokenBuilder(),
        ValueConverter: () => new TerritoryValueConverter()
    },
    references: {
        ScopeComputation: (services) => new TerritoryScopeComputation(services),
        Linker: (services) => new TerritoryLinker(services),
        ScopeProvider: (services) => new TerritoryScopeProvider(services),
        ModelIndex: (services) => new TerritoryModelIndex(services)
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new TerritoryAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new TerritoryReferenceDescriptionProvider(services)
    },
    analysis: {
        AnalysisService: (services) => new TerritoryAnalysisService(services),
        AnalysisRunner: () => new InProcessAnalysisRunner()
    },
    validation: {
        ValidationRegistry: (services) => new TerritoryValidationRegistry(services),
        DocumentValidator: (services) => new TerritoryDocumentValidator(services),
        TerritoryValidator: (services) => new TerritoryValidator(services)
    },
    lsp: {
        HoverProvider: (services) => new TerritoryHoverProvider(services),
        CompletionProvider: (services) => new TerritoryCompletionProvider(services),
        Formatter: () => new TerritoryFormatter(),
        CodeActionProvider: () => new TerritoryCodeActionProvider(),
        SemanticTokenProvider: (services) => new TerritorySemanticTokenProvider(services),
        RenameProvider: (services) => new TerritoryRenameProvider(services),
        CodeLensProvider: (services) => new TerritoryCodeLensProvider(services)
    }
};

export const TerritorySharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        FuzzyMatcher: () => new TerritoryFuzzyMatcher()
    },
    workspace: {
        DocumentBuilder: (services) => new TerritoryDocumentBuilder(services),
        IndexManager: (services) => new TerritoryIndexManager(services),
        WorkspaceManager: (services) => new TerritoryWorkspaceManager(services),
        WorkspaceLock: () => new RequestsFirstLock()
    }
};

/**
 * Creates the shared services and the territory language services, with the built-in
 * prelude already among the documents.
 */
export function createTerritoryServices(context: DefaultSharedModuleContext, ...overrides: Array<Module<TerritoryServices, DeepPartial<TerritoryServices>>>): {
    shared: LangiumSharedServices;
    Territory: TerritoryServices;
} {
    const shared = inject(
        createDefaultSharedModule(context),
        TerritoryGeneratedSharedModule,
        TerritorySharedModule
    );
    const Territory = inject(
        createDefaultModule({ shared }),
        TerritoryLanguageGeneratedModule,
        TerritoryModule,
        ...overrides
    );
    shared.ServiceRegistry.register(Territory);
    registerValidationChecks(Territory);
    // Created eagerly: it listens to workspace builds from the first one on.
    void Territory.analysis.AnalysisService;
    const prelude = shared.workspace.LangiumDocumentFactory.fromString(PRELUDE_TEXT, URI.parse(PRELUDE_URI));
    shared.workspace.LangiumDocuments.addDocument(prelude);
    if (!context.connection) {
        // Without a connection (CLI, tests) nobody sends a configuration: build with defaults.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Territory };
}

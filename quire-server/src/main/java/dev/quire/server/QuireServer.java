package dev.quire.server;

import dev.quire.core.qbusiness.Applications;
import dev.quire.core.secrets.MasterKey;
import dev.quire.core.qbusiness.IdentityProviderLookup;
import dev.quire.core.qbusiness.chatcontrols.ChatControls;
import dev.quire.core.qbusiness.index.Indices;
import dev.quire.core.qbusiness.retriever.Retrievers;
import dev.quire.core.qbusiness.tags.ResourceTags;
import dev.quire.core.qbusiness.webexperience.WebExperiences;
import dev.quire.core.qbusiness.datasources.DataSources;
import dev.quire.core.qbusiness.datasources.SyncJobs;
import dev.quire.core.qbusiness.documents.DocumentAccess;
import dev.quire.core.qbusiness.documents.Documents;
import dev.quire.core.qbusiness.documents.ResolvedUserPrincipals;
import dev.quire.core.qbusiness.principals.CachingPrincipalResolver;
import dev.quire.core.qbusiness.documents.IndexingWorker;
import dev.quire.core.ingest.Chunker;
import dev.quire.core.retrieval.SearchIndexer;
import dev.quire.embed.onnx.LazyEmbedder;
import dev.quire.extract.tika.TikaTextExtractor;
import dev.quire.index.lucene.LuceneSearchIndex;
import dev.quire.spi.search.SearchIndex;
import dev.quire.core.secrets.Secrets;
import dev.quire.identity.credentials.RootCredentialStore;
import dev.quire.identity.credentials.RootCredentials;
import dev.quire.identity.iam.IamService;
import dev.quire.protocol.AwsService;
import dev.quire.protocol.errors.ProtocolFailure;
import dev.quire.protocol.errors.ErrorRenderer;
import dev.quire.protocol.http.Headers;
import dev.quire.protocol.http.WireRequest;
import dev.quire.protocol.http.WireResponse;
import dev.quire.protocol.pipeline.AuditStage;
import dev.quire.protocol.pipeline.AuthenticationStage;
import dev.quire.protocol.pipeline.AuthorizationStage;
import dev.quire.protocol.pipeline.DecodeStage;
import dev.quire.protocol.pipeline.DispatchStage;
import dev.quire.protocol.pipeline.ErrorStage;
import dev.quire.protocol.pipeline.Pipeline;
import dev.quire.protocol.pipeline.RequestIdStage;
import dev.quire.protocol.restjson.QBusinessRoutes;
import dev.quire.protocol.sigv4.SigV4Verifier;
import dev.quire.server.api.ApiErrors;
import dev.quire.server.api.IamApi;
import dev.quire.server.api.qbusiness.ApplicationsArea;
import dev.quire.server.api.qbusiness.ChatArea;
import dev.quire.server.api.qbusiness.ChatControlsArea;
import dev.quire.server.api.qbusiness.IndicesArea;
import dev.quire.server.api.qbusiness.RetrieversArea;
import dev.quire.server.api.qbusiness.TagsArea;
import dev.quire.server.api.qbusiness.WebExperiencesArea;
import dev.quire.server.api.qbusiness.DataSourcesArea;
import dev.quire.server.api.qbusiness.DocumentsArea;
import dev.quire.server.api.qbusiness.QBusinessApi;
import dev.quire.server.api.qbusiness.QBusinessArea;
import dev.quire.server.api.qbusiness.UsersArea;
import dev.quire.server.api.qbusiness.GroupsArea;
import dev.quire.server.api.qbusiness.SubscriptionsArea;
import dev.quire.core.qbusiness.users.Users;
import dev.quire.core.qbusiness.groups.Groups;
import dev.quire.core.qbusiness.subscriptions.SubscriptionService;
import dev.quire.server.api.SecretsManagerApi;
import dev.quire.server.api.StsApi;
import dev.quire.server.audit.JsonLinesAuditLog;
import dev.quire.server.auth.CredentialDirectory;
import dev.quire.server.auth.PolicyAuthorizer;
import dev.quire.identity.credentials.SessionKeyMaterial;
import dev.quire.identity.credentials.SessionTokenCodec;
import dev.quire.identity.iam.GrammarPolicyDocumentValidator;
import dev.quire.identity.sts.StsService;
import dev.quire.server.http.JettyListener;
import dev.quire.spi.answer.AnswerGenerator;
import dev.quire.spi.identity.Caller;
import dev.quire.spi.store.MetadataStore;
import dev.quire.store.jdbc.JdbcMetadataStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One Quire node: the listener comes up first (answering 503 on /_quire/health), then the store
 * opens and migrates, the pipeline is wired, and health turns 200. Closing stops accepting,
 * lets in-flight requests finish, then closes the store.
 */
public final class QuireServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(QuireServer.class.getName());

    private final ServerConfig config;
    private final JettyListener listener;
    private volatile Pipeline pipeline;
    private volatile dev.quire.server.web.WebExperienceHandler web;
    private MetadataStore store;
    private JsonLinesAuditLog audit;
    private RootCredentialStore.Resolution root;
    private Path credentialsFile;
    private IndexingWorker indexingWorker;
    private SearchIndex searchIndex;
    private LazyEmbedder embedder;

    private final AnswerGenerator answers;

    private QuireServer(ServerConfig config, AnswerGenerator answers) {
        this.config = config;
        this.answers = answers;
        this.listener = new JettyListener(config.host(), config.port(), config.maxBodyBytes(),
                this::handle, this::tooLarge);
    }

    public static QuireServer start(ServerConfig config) {
        return start(config, new dev.quire.core.chat.answer.ExtractiveAnswerer());
    }

    /** Starts loading the in-process embedding model now, in the background (it is otherwise loaded on first use). */
    public void loadEmbeddingModelInBackground() {
        if (embedder != null) {
            embedder.loadInBackground();
        }
    }

    /** The answer generator's short name: "extractive" or e.g. "openai:llama3". */
    public String answerGeneratorName() {
        return answers.name();
    }

    /** With another answer generator than the extractive one (an LLM adapter; tests' stand-ins). */
    public static QuireServer start(ServerConfig config, AnswerGenerator answers) {
        QuireServer server = new QuireServer(config, answers);
        server.listener.start();
        server.openAndWire();
        return server;
    }

    /** Binds the listener only: health answers 503 and every API call ServiceUnavailable until {@link #openAndWire}. */
    static QuireServer listenOnly(ServerConfig config) {
        QuireServer server = new QuireServer(config, new dev.quire.core.chat.answer.ExtractiveAnswerer());
        server.listener.start();
        return server;
    }

    void openAndWire() {
        try {
            wire();
        } catch (RuntimeException | IOException e) {
            close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
    }

    private void wire() throws IOException {
        Path dataDir = DataDirectory.prepare(config.dataDir());
        store = config.dbUrl() == null || config.dbUrl().isBlank()
                ? JdbcMetadataStore.openEmbedded(dataDir)
                : JdbcMetadataStore.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        root = new RootCredentialStore(store).resolve(config.rootFromEnvironment(), new SecureRandom());
        if (!root.fromEnvironment()) {
            credentialsFile = RootKeyFiles.write(dataDir, root.credentials());
        }
        audit = new JsonLinesAuditLog(dataDir.resolve("logs").resolve("audit.jsonl"));
        SecureRandom random = new SecureRandom();
        IamService iam = new IamService(store, config.accountId(), new GrammarPolicyDocumentValidator(), config.clock());
        SessionTokenCodec tokens = SessionKeyMaterial.codec(store, random);
        StsService sts = IdentityWiring.sts(config, store, iam.directory(), tokens, random);
        Secrets secrets = new Secrets(store, MasterKey.load(System.getenv(MasterKey.ENVIRONMENT_VARIABLE), dataDir),
                config.clock(), config.accountId());
        CredentialDirectory credentials = new CredentialDirectory(root.credentials(), config.accountId(), tokens, iam.directory());
        DataSources dataSources = new DataSources(store, config.clock());
        SyncJobs syncJobs = new SyncJobs(store, dataSources, config.clock());
        Documents documents = new Documents(store, syncJobs, config.clock());
        dataSources.onDelete(documents);
        searchIndex = LuceneSearchIndex.open(dataDir.resolve("index"), IndexSettings.compactAfterIdle(System.getenv()));
        embedder = new LazyEmbedder(dataDir.resolve("native"));
        SearchIndexer indexer = new SearchIndexer(new TikaTextExtractor(), new Chunker(), embedder, searchIndex, config.clock());
        indexingWorker = new IndexingWorker(store, indexer,
                IndexingWorker.Settings.defaults(java.net.InetAddress.getLocalHost().getHostName() + ":" + dataDir),
                config.clock());
        documents.onEnqueue(indexingWorker::wake);
        documents.useCapacity(new dev.quire.core.qbusiness.index.IndexCapacity(store)::check);
        DocumentAccess documentAccess = new DocumentAccess(documents);
        // One cache per node; the store's change counter keeps it exact across nodes (docs/access-control.md).
        CachingPrincipalResolver principals = new CachingPrincipalResolver(store);
        documentAccess.usePrincipals(new ResolvedUserPrincipals(principals));
        ChatWiring.Parts chatParts = ChatWiring.parts(store, config, searchIndex, embedder, documents, dataSources,
                answers, principals);
        ChatArea chat = chatParts.area();
        web = new dev.quire.server.web.WebExperienceHandler(store, new WebExperiences(store, endpoint().toString()),
                iam.directory(), sts, secrets, chatParts.chat(), chatParts.history(), chatParts.access(),
                dev.quire.identity.oidc.JwksCache.defaultHttpClient(), config.clock(), random);
        pipeline = new Pipeline(List.of(
                new RequestIdStage(),
                new AuditStage(audit, config.clock(), p -> p instanceof Caller c ? c.arn() : String.valueOf(p)),
                new ErrorStage(new ApiErrors()),
                new AuthenticationStage(new SigV4Verifier(config.clock()), credentials),
                new DecodeStage(QBusinessRoutes.table()),
                new AuthorizationStage(new PolicyAuthorizer(config.accountId(), iam.directory(), IdentityWiring.secretArnResolver(secrets))),
                new DispatchStage(Map.of(
                        AwsService.STS, new StsApi(sts),
                        AwsService.IAM, new IamApi(iam),
                        AwsService.QBUSINESS, new QBusinessApi(qbusinessAreas(IdentityWiring.providerTypes(iam.directory()),
                                new DocumentsArea(documents, documentAccess), new DataSourcesArea(dataSources, syncJobs), chat)),
                        AwsService.SECRETS_MANAGER, new SecretsManagerApi(secrets)))));
        indexingWorker.start();
        LOG.info("Quire ready on " + endpoint() + " with " + store.describe());
    }

    /** The qbusiness operations, area by area. */
    private List<QBusinessArea> qbusinessAreas(IdentityProviderLookup identityProviders, QBusinessArea... more) {
        List<QBusinessArea> areas = new java.util.ArrayList<>(List.of(more));
        areas.addAll(List.of(
                new ApplicationsArea(new Applications(store, config.accountId(), identityProviders)),
                new IndicesArea(new Indices(store)),
                new RetrieversArea(new Retrievers(store)),
                new WebExperiencesArea(new WebExperiences(store, endpoint().toString())),
                new ChatControlsArea(new ChatControls(store)),
                new TagsArea(new ResourceTags(store)),
                new UsersArea(new Users(store, config.clock())),
                new GroupsArea(new Groups(store, config.clock())),
                new SubscriptionsArea(new SubscriptionService(store, config.clock(), config.accountId()))));
        return areas;
    }

    private WireResponse handle(WireRequest request) {
        if (request.rawPath().equals("/_quire/health")) {
            return pipeline != null
                    ? WireResponse.of(200, "application/json", "{\"status\":\"ready\"}")
                    : WireResponse.of(503, "application/json", "{\"status\":\"starting\"}");
        }
        Pipeline ready = pipeline;
        if (ready == null) {
            return notReady(request);
        }
        if (dev.quire.server.web.WebExperienceHandler.handles(request.rawPath())) {
            return web.handle(request); // browsers: cookies, not SigV4 (set before the pipeline is published)
        }
        return ready.handle(request);
    }

    private WireResponse notReady(WireRequest request) {
        AwsService guess = request.headers().has("x-amz-target") ? AwsService.SECRETS_MANAGER : AwsService.QBUSINESS;
        WireResponse r = ErrorRenderer.render(guess, ProtocolFailure.NOT_READY.toWire(guess.protocol()), null);
        r.headers().set("Retry-After", "1");
        return r;
    }

    private WireResponse tooLarge(WireRequest request) {
        AwsService service = request.headers().has("x-amz-target") ? AwsService.SECRETS_MANAGER
                : request.headers().first("content-type") != null
                        && request.headers().first("content-type").startsWith("application/x-www-form-urlencoded")
                        ? AwsService.STS : AwsService.QBUSINESS;
        return ErrorRenderer.render(service, ProtocolFailure.BODY_TOO_LARGE.toWire(service.protocol(),
                "The request body exceeds " + config.maxBodyBytes() + " bytes."), null);
    }

    public int port() {
        return listener.port();
    }

    public URI endpoint() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port());
    }

    public RootCredentials rootCredentials() {
        return root.credentials();
    }

    /** Whether the root keys were generated by this start (so the CLI can announce them). */
    public boolean rootCredentialsGenerated() {
        return root.generated();
    }

    /** The AWS-CLI credentials file holding the root keys, or null when they came from the environment. */
    public Path credentialsFile() {
        return credentialsFile;
    }

    public String storeDescription() {
        return store.describe();
    }

    public Path auditLog() {
        return audit.file();
    }

    public String accountId() {
        return config.accountId();
    }

    @Override
    public void close() {
        listener.close();
        if (indexingWorker != null) {
            indexingWorker.close();
        }
        if (searchIndex != null) {
            searchIndex.close();
        }
        if (store != null) {
            store.close();
        }
        if (audit != null) {
            audit.close();
        }
    }

    /** Makes sure the data dir exists and is writable, with a message that says what to do. */
    static final class DataDirectory {
        private DataDirectory() {
        }

        static Path prepare(Path dir) {
            Path abs = dir.toAbsolutePath().normalize();
            try {
                Files.createDirectories(abs);
            } catch (IOException | SecurityException e) {
                throw new IllegalStateException("Cannot create the data directory " + abs
                        + ": " + e.getMessage() + ". Choose another with --data-dir.", e);
            }
            if (!Files.isWritable(abs)) {
                throw new IllegalStateException("The data directory " + abs
                        + " is not writable. Fix its permissions or choose another with --data-dir.");
            }
            return abs;
        }
    }
}

import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { z } from 'zod';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Config } from './lib/config';
import { errorMiddleware } from './lib/errors';
import { requestLogger, requireJsonBodies, securityHeaders } from './lib/http';
import { ApiRoutes } from './lib/route';
import { buildOpenApi } from './lib/openapi';
import { serveH5 } from './lib/static-files';
import { createWechatAdapter, type WechatAdapter } from './adapters/wechat';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { authRoutes, bearerToken } from './modules/auth/auth.routes';
import { CentersService } from './modules/centers/centers.service';
import { centersRoutes } from './modules/centers/centers.routes';
import { StaffAdminService } from './modules/auth/staff-admin.service';
import { staffAdminRoutes } from './modules/auth/staff-admin.routes';
import { CentersAdminService } from './modules/centers/centers-admin.service';
import { centersAdminRoutes } from './modules/centers/centers-admin.routes';
import { AuditLogService } from './modules/audit/audit-log.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { opsRoutes } from './modules/ops/ops.routes';
import { createSubscribeSender, type SubscribeMessageSender } from './adapters/subscribe-messages';
import { withIdempotency } from './lib/idempotency';
import { RateLimiter } from './lib/rate-limit';
import { NotificationsService } from './modules/notifications/notifications.service';
import { PrivacyService } from './modules/privacy/privacy.service';
import { privacyRoutes } from './modules/privacy/privacy.routes';
import { RequestsService } from './modules/requests/requests.service';
import { StaffRequestsService } from './modules/requests/staff-requests.service';
import { requestsRoutes } from './modules/requests/requests.routes';
import { ProvidersService } from './modules/bookings/providers.service';
import { BookingsService } from './modules/bookings/bookings.service';
import { bookingsRoutes } from './modules/bookings/bookings.routes';
import { StatsService } from './modules/stats/stats.service';
import { statsRoutes } from './modules/stats/stats.routes';
import { requestStats } from './modules/requests/requests.stats';
import { bookingStats } from './modules/bookings/bookings.stats';
import { createMediationServices } from './modules/mediation/mediation.module';
import { mediationRoutes } from './modules/mediation/mediation.routes';
import { createFileStorage, type FileStorage } from './adapters/file-storage';
import { createProtectionOrderServices } from './modules/protection-orders/protection-orders.module';
import { isEvidenceUpload, protectionOrdersRoutes } from './modules/protection-orders/protection-orders.routes';
import { createClassesServices } from './modules/classes/classes.module';
import { classesRoutes } from './modules/classes/classes.routes';
import { createContentServices } from './modules/content/content.module';
import { contentRoutes } from './modules/content/content.routes';

z.config(z.locales.zhCN());

export interface AppDeps {
  ds: DataSource;
  config: Config;
  logger: Logger;
  wechat?: WechatAdapter;
  subscribeSender?: SubscribeMessageSender;
  fileStorage?: FileStorage;
  now?: () => Date;
}

/** Services of every domain, built once and shared by routes, the seeder and tests. */
export function createServices(deps: AppDeps) {
  const { ds, config } = deps;
  const now = deps.now ?? (() => new Date());
  const wechat = deps.wechat ?? createWechatAdapter(config.wechat);
  const audit = new AuditService(ds);
  const centers = new CentersService(ds);
  const auth = new AuthService(ds, config, wechat, audit, centers, now);
  const staffAdmin = new StaffAdminService(ds, audit, centers, now);
  const centersAdmin = new CentersAdminService(ds, audit, now);
  const auditLog = new AuditLogService(ds, audit);
  const subscribeSender = deps.subscribeSender ?? createSubscribeSender(config, deps.logger);
  const notifications = new NotificationsService(ds, subscribeSender, deps.logger, now);
  const privacy = new PrivacyService(ds);
  const requests = new RequestsService(ds, centers, notifications, now);
  const staffRequests = new StaffRequestsService(ds, requests, centers, audit, now);
  const providers = new ProvidersService(ds, centers, now);
  const bookings = new BookingsService(ds, providers, centers, notifications, audit, now);
  const stats = new StatsService(centers, audit, now);
  stats.register('requests', (p) => requestStats(ds, p, now()));
  stats.register('consultations', (p) => bookingStats(ds, p));
  const mediation = createMediationServices(ds, centers, audit, now);
  stats.register('mediations', async (p) => {
    const { total, countyLevel, agreements, toCourt } = await mediation.stats.counts(p);
    return { total, countyLevel, agreements, toCourt };
  });
  centers.useOpenRequestCounter((ids) => requests.openCounts(ids));
  privacy.register({ name: 'bookings', export: (u) => bookings.mine(u), erase: (em, userId) => bookings.eraseUser(em, userId) });
  privacy.register({ name: 'requests', export: (u) => requests.exportMine(u), erase: (em, userId) => requests.eraseUser(em, userId) });
  privacy.register(mediation.privacy);
  const classes = createClassesServices(ds, centers, notifications, audit, now);
  const content = createContentServices(ds, now);
  privacy.register(classes.privacy);
  privacy.register(content.privacy);
  stats.register('classes', classes.stats);
  stats.register('articles', content.articleStats);
  stats.register('quiz', content.quizStats);
  const fileStorage = deps.fileStorage ?? createFileStorage(config);
  const protectionOrders = createProtectionOrderServices({ ds, centers, assignCenter: (input) => requests.assignCenter(input), notifications, audit, storage: fileStorage, logger: deps.logger, now });
  privacy.register(protectionOrders.privacy);
  stats.register('protectionOrders', protectionOrders.stats);
  return { wechat, audit, centers, auth, staffAdmin, centersAdmin, auditLog, subscribeSender, notifications, privacy, requests, staffRequests, providers, bookings, stats, mediation, fileStorage, protectionOrders, classes, content, now };
}
export type Services = ReturnType<typeof createServices>;

/** The Koa app: API under /api, the H5 build (client and back office) everywhere else. */
export function createApp(deps: AppDeps, services: Services = createServices(deps)) {
  const { config, logger } = deps;
  const app = new Koa({ proxy: config.trustProxy });
  app.silent = true; // errors are logged by errorMiddleware, once, without bodies

  const router = new Router({ prefix: '/api' });
  const limiter = new RateLimiter(deps.ds, services.now);
  const routes = new ApiRoutes(
    router,
    (ctx, principal, run) => withIdempotency(deps.ds, ctx, principal, run, services.now),
    (bucket, limit) => limiter.consume(bucket, limit),
  );
  for (const mount of [
    opsRoutes(deps.ds, config),
    authRoutes(services.auth, config.rateLimits),
    centersRoutes(services.centers),
    staffAdminRoutes(services.staffAdmin),
    centersAdminRoutes(services.centersAdmin),
    auditRoutes(services.auditLog),
    requestsRoutes(services.requests, services.staffRequests, config.rateLimits.helpRequests),
    bookingsRoutes(services.bookings, services.providers),
    privacyRoutes(services.privacy),
    statsRoutes(services.stats, services.centers),
    mediationRoutes(services.mediation),
    protectionOrdersRoutes(services.protectionOrders),
    classesRoutes(services.classes),
    contentRoutes(services.content),
  ]) {
    mount(routes);
  }

  let openapi: Record<string, unknown> | undefined;
  router.get('/openapi.json', (ctx) => {
    openapi ??= buildOpenApi(routes.specs, { version: '0.1.0' });
    ctx.body = openapi;
  });

  app.use(requestLogger(logger)); // outermost, so it logs the status the error middleware chose
  app.use(errorMiddleware(logger));
  app.use(securityHeaders());
  app.use(requireJsonBodies(isEvidenceUpload));
  app.use(bodyParser({ parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'], enableTypes: ['json'], jsonLimit: `${config.bodyLimitKb}kb`, encoding: 'utf-8' }));
  app.use(async (ctx, next) => {
    const token = bearerToken(ctx.get('authorization'));
    if (token && ctx.path.startsWith('/api')) ctx.state.principal = await services.auth.authenticate(token);
    await next();
  });
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true }));
  app.use(serveH5(config.h5Dir));
  return { app, routes, services };
}

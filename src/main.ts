import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import type { AppConfig } from './config/app.config.js';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(await AppModule.forRoot(), { bufferLogs: true, bodyParser: false, abortOnError: false });
  configureApp(app);
  const { port } = app.get(ConfigService).getOrThrow<AppConfig>('app');
  await app.listen(port);
  process.stdout.write(`Listening on http://localhost:${port} (API docs: /docs)\n`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`\nThe service did not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

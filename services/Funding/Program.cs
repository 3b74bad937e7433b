using Zhaoshang.Funding;
using Zhaoshang.Funding.Funds;
using Zhaoshang.Funding.Incentives;
using Zhaoshang.Funding.Ledgers;
using Zhaoshang.Funding.Stats;
using Zhaoshang.Platform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("funding", FundingTelemetry.SourceName);
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapLedgersApi();
app.MapFundsApi();
app.MapFundsReportAttachmentsApi();
app.MapExchangeRatesApi();
app.MapStatsApi();
app.MapIncentivesApi();

await app.RunServiceAsync();

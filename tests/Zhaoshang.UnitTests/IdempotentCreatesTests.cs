using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Zhaoshang.Platform.Idempotency;

namespace Zhaoshang.UnitTests;

/// <summary>Which endpoints take an Idempotency-Key by convention, and which keys are acceptable.</summary>
public sealed class IdempotentCreatesTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("order 2026-11-20 #1 (retry-safe) ~!", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("tab\there", false)]
    [InlineData("键", false)]
    [InlineData("line\nbreak", false)]
    public void Keys_are_printable_ascii(string key, bool valid) => Assert.Equal(valid, IdempotentCreates.IsValidKey(key));

    [Fact]
    public void Keys_are_at_most_200_characters()
    {
        Assert.True(IdempotentCreates.IsValidKey(new string('k', 200)));
        Assert.False(IdempotentCreates.IsValidKey(new string('k', 201)));
        Assert.False(IdempotentCreates.IsValidKey(null));
    }

    [Fact]
    public void A_post_answering_201_takes_the_key() =>
        Assert.True(IdempotentCreates.Covers(Endpoint(HttpMethods.Post, StatusCodes.Status201Created, nameof(Create))));

    [Fact]
    public void A_post_that_reads_the_header_itself_keeps_its_own_meaning() =>
        Assert.False(IdempotentCreates.Covers(Endpoint(HttpMethods.Post, StatusCodes.Status201Created, nameof(Pay))));

    [Fact]
    public void Other_methods_and_statuses_do_not_take_it()
    {
        Assert.False(IdempotentCreates.Covers(Endpoint(HttpMethods.Put, StatusCodes.Status201Created, nameof(Create))));
        Assert.False(IdempotentCreates.Covers(Endpoint(HttpMethods.Post, StatusCodes.Status200OK, nameof(Create))));
        Assert.False(IdempotentCreates.Covers(Endpoint(HttpMethods.Post, StatusCodes.Status202Accepted, nameof(Create))));
    }

    private static object[] Endpoint(string method, int status, string handler) =>
    [
        typeof(IdempotentCreatesTests).GetMethod(handler, BindingFlags.NonPublic | BindingFlags.Static)!,
        new HttpMethodMetadata([method]),
        new ProducesResponseTypeMetadata(status, typeof(object)),
    ];

    private static void Create(string body) => _ = body;

    private static void Pay([FromHeader(Name = "Idempotency-Key")] string? key) => _ = key;
}

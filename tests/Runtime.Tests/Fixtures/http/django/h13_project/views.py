"""Plain Django views (csrf_exempt, so only the behaviour under test decides the answer)."""
from django.http import JsonResponse
from django.views.decorators.clickjacking import xframe_options_exempt, xframe_options_sameorigin
from django.views.decorators.common import no_append_slash
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def body(request):
    # request.body applies DATA_UPLOAD_MAX_MEMORY_SIZE to Content-Length.
    return JsonResponse({"view": "body", "length": len(request.body)})


@csrf_exempt
def form(request):
    # request.POST: the size limit (urlencoded) and DATA_UPLOAD_MAX_NUMBER_FIELDS.
    return JsonResponse({"view": "form", "fields": len(request.POST)})


@csrf_exempt
def query(request):
    # request.GET: DATA_UPLOAD_MAX_NUMBER_FIELDS on the query string.
    return JsonResponse({"view": "query", "fields": len(request.GET)})


@csrf_exempt
def host(request):
    # get_host() and build_absolute_uri() validate the host even without CommonMiddleware.
    return JsonResponse({"view": "host", "host": request.get_host(), "url": request.build_absolute_uri(), "secure": request.is_secure()})


@csrf_exempt
@xframe_options_exempt
def xframe_exempt(request):
    return JsonResponse({"view": "xframe-exempt"})


@csrf_exempt
def xframe_preset(request):
    response = JsonResponse({"view": "xframe-preset"})
    response["X-Frame-Options"] = "ALLOW-FROM https://x.example"
    return response


@csrf_exempt
@xframe_options_sameorigin
def xframe_sameorigin(request):
    return JsonResponse({"view": "xframe-sameorigin"})


@csrf_exempt
@no_append_slash
def no_append(request):
    return JsonResponse({"view": "no-append"})


@csrf_exempt
def item(request, pk):
    return JsonResponse({"view": "item", "pk": pk})


@csrf_exempt
def user(request, name):
    return JsonResponse({"view": "user", "name": name})


@csrf_exempt
def exact(request):
    return JsonResponse({"view": "exact"})

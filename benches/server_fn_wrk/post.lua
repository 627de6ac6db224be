-- wrk script: the request both endpoints answer, `a=3&b=4` as a form POST.
wrk.method = "POST"
wrk.body = "a=3&b=4"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
